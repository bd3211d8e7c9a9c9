using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>Edits of a condition: one side of an || (or of an or pattern) taken out.</summary>
internal static class ConditionEditing
{
    /// <summary>The root without <paramref name="test"/>, when it is one side of an || or of an or pattern; otherwise null.</summary>
    public static SyntaxNode? RemoveDisjunct(SyntaxNode root, SyntaxNode test)
    {
        var node = test;
        while (node.Parent is ParenthesizedExpressionSyntax or ParenthesizedPatternSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression):
                var other = disjunction.Left == node ? disjunction.Right : disjunction.Left;
                return root.ReplaceNode(disjunction, other.WithTriviaFrom(disjunction));
            case BinaryPatternSyntax orPattern when orPattern.IsKind(SyntaxKind.OrPattern):
                var otherPattern = orPattern.Left == node ? orPattern.Right : orPattern.Left;
                return root.ReplaceNode(orPattern, otherPattern.WithTriviaFrom(orPattern));
            default:
                return null;
        }
    }
}
