using System.Collections.Immutable;
using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Infrastructure;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpReplyAnalyzers.CodeFixes.Rules;

/// <summary>FTPR0008 fix: the number becomes the named FtpStatusCode member.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplyCodeAsNumberCodeFixProvider))]
public sealed class ReplyCodeAsNumberCodeFixProvider : CodeFixProvider
{
    public const string UseMemberKey = DiagnosticIds.ReplyCodeAsNumber + ".UseMember";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ReplyCodeAsNumber);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = new DefaultKeyFixAllProvider(WellKnownFixAllProviders.BatchFixer, static _ => UseMemberKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ReplyCodeAsNumber.MemberProperty, out var member) || member is null
                || !diagnostic.Properties.TryGetValue(ReplyCodeAsNumber.ShapeProperty, out var shape))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Plan(node, shape) is not { } replace)
            {
                continue;
            }

            context.RegisterCodeFix(
                FixActions.Create($"Use FtpStatusCode.{member}", context.Document, _ => Rewrite(root, model, node, member, replace), UseMemberKey),
                diagnostic);
        }
    }

    /// <summary>The check: what the shape's rewrite replaces (the comparison, the cast or the case value), or null when it does not apply.</summary>
    private static SyntaxNode? Plan(SyntaxNode node, string? shape)
    {
        switch (shape)
        {
            case "Comparison" when node.FirstAncestorOrSelf<BinaryExpressionSyntax>() is { } binary:
                return Unwrap(binary.Left) is not null || Unwrap(binary.Right) is not null ? binary : null;
            case "Cast" when node.FirstAncestorOrSelf<CastExpressionSyntax>() is { } cast:
                return cast;
            case "CaseLabel" when node is ExpressionSyntax number:
                return number;
            default:
                return null;
        }
    }

    /// <summary>The number becomes the member: the comparison compares the status itself, a cast is the member, a case value casts it.</summary>
    private static SyntaxNode Rewrite(SyntaxNode root, SemanticModel model, SyntaxNode node, string member, SyntaxNode replace)
    {
        var names = new TypeNamer(model, node.SpanStart);
        var memberAccess = SyntaxFactory.ParseExpression(names.Name("System.Net.FtpStatusCode") + "." + member);
        SyntaxNode newRoot;
        switch (replace)
        {
            case BinaryExpressionSyntax binary:
                var (statusSide, numberSide) = Unwrap(binary.Left) is { } left ? (left, binary.Right) : (Unwrap(binary.Right)!, binary.Left);
                var rewritten = binary.Left == numberSide
                    ? binary.WithLeft(memberAccess.WithTriviaFrom(binary.Left)).WithRight(statusSide.WithTriviaFrom(binary.Right))
                    : binary.WithLeft(statusSide.WithTriviaFrom(binary.Left)).WithRight(memberAccess.WithTriviaFrom(binary.Right));
                newRoot = root.ReplaceNode(binary, rewritten);
                break;
            case CastExpressionSyntax cast:
                newRoot = root.ReplaceNode(cast, memberAccess.WithTriviaFrom(cast));
                break;
            default:
                var caseValue = SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), memberAccess);
                newRoot = root.ReplaceNode(replace, caseValue.WithTriviaFrom(replace));
                break;
        }

        return names.AddUsings(newRoot);
    }

    /// <summary>The status expression inside <c>(int)status</c>.</summary>
    private static ExpressionSyntax? Unwrap(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is CastExpressionSyntax { Type: PredefinedTypeSyntax } cast ? cast.Expression : null;
    }
}
