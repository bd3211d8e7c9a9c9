using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>Edits of a condition: one side of an || (or of an or pattern) taken out.</summary>
internal static class ConditionEditing
{
    /// <summary>Whether <paramref name="test"/> is one side of an || or of an or pattern, the case <see cref="RemoveDisjunct"/> rewrites.</summary>
    public static bool CanRemoveDisjunct(SyntaxNode test) => Disjunction(test, out _) is not null;

    /// <summary>The root without <paramref name="test"/>, when it is one side of an || or of an or pattern; otherwise null.</summary>
    public static SyntaxNode? RemoveDisjunct(SyntaxNode root, SyntaxNode test)
        => Disjunction(test, out var other) is { } disjunction ? root.ReplaceNode(disjunction, other!.WithTriviaFrom(disjunction)) : null;

    /// <summary>The || or or pattern that <paramref name="test"/> is a side of (through parentheses), and its other side.</summary>
    private static SyntaxNode? Disjunction(SyntaxNode test, out SyntaxNode? other)
    {
        var node = test;
        while (node.Parent is ParenthesizedExpressionSyntax or ParenthesizedPatternSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression):
                other = disjunction.Left == node ? disjunction.Right : disjunction.Left;
                return disjunction;
            case BinaryPatternSyntax orPattern when orPattern.IsKind(SyntaxKind.OrPattern):
                other = orPattern.Left == node ? orPattern.Right : orPattern.Left;
                return orPattern;
            default:
                other = null;
                return null;
        }
    }
}
