using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Infrastructure;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpReplyAnalyzers.CodeFixes.Rules;

/// <summary>
/// FTPR0001 fix: the give-up becomes a bounded retry with exponential backoff: inside a loop by continuing
/// it, outside by wrapping the operation in a retry loop; a test that lumps 4xx with 5xx retries only the 4xx.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransientReplyGivenUpCodeFixProvider))]
public sealed class TransientReplyGivenUpCodeFixProvider : CodeFixProvider
{
    /// <summary>
    /// One equivalence key for every shape of the retry fix, so that FixAll and <c>dotnet format</c> (which fix
    /// all diagnostics of an id with the key of the first one) apply it everywhere.
    /// </summary>
    public const string RetryKey = DiagnosticIds.TransientReplyGivenUp + ".Retry";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TransientReplyGivenUp);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = new DefaultKeyFixAllProvider(TransientRetryFixAllProvider.Instance, static _ => RetryKey);

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
            if (!TryGetTargets(root, diagnostic, out var giveUp, out var replyNode))
            {
                continue;
            }

            // The check plans the rewrite (every condition it needs is decided there); the rewrite runs when the fix is applied.
            var split = IsSplit(diagnostic);
            if (RetryRewriter.Plan(root, model, giveUp, replyNode, split) is not { } plan)
            {
                continue;
            }

            var title = plan.Shape == RetryShape.InLoop
                ? (split ? "Retry 4xx replies in this loop with a bounded backoff (5xx still fails)" : "Retry in this loop with a bounded backoff")
                : (split ? "Wrap in a bounded retry loop for 4xx replies (5xx still fails)" : "Wrap in a bounded retry loop with exponential backoff");
            var document = context.Document;
            context.RegisterCodeFix(
                FixActions.Create(title, document, cancellationToken => RetryRewriter.Rewrite(plan, RetrySettingsReader.Read(document, giveUp.SyntaxTree), cancellationToken), RetryKey),
                diagnostic);
        }
    }

    internal static bool IsSplit(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(TransientReplyGivenUp.SplitProperty, out var split) && split == "true";

    /// <summary>The give-up statement the diagnostic points at and the reply node (test expression or catch clause) it names.</summary>
    internal static bool TryGetTargets(SyntaxNode root, Diagnostic diagnostic, out StatementSyntax giveUp, out SyntaxNode replyNode)
    {
        giveUp = null!;
        replyNode = null!;
        if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return false;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var statement = node.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || statement.Span != diagnostic.Location.SourceSpan)
        {
            return false;
        }

        var replySpan = diagnostic.AdditionalLocations[0].SourceSpan;
        var reply = root.FindNode(replySpan, getInnermostNodeForTie: true);
        while (reply.Parent is not null && reply.Span == reply.Parent.Span && reply is not CatchClauseSyntax)
        {
            reply = reply.Parent;
        }

        if (reply is not (ExpressionSyntax or CatchClauseSyntax))
        {
            reply = reply.AncestorsAndSelf().FirstOrDefault(n => n.Span == replySpan && n is ExpressionSyntax or CatchClauseSyntax) ?? reply;
        }

        giveUp = statement;
        replyNode = reply;
        return reply is ExpressionSyntax or CatchClauseSyntax;
    }
}
