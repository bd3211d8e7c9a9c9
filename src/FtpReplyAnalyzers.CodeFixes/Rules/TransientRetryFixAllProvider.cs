using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpReplyAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes every FTPR0001 of a document one after another, so that retries in the same loop share one counter
/// and a second give-up inside a loop the first fix wrote reuses its attempt variable.
/// </summary>
internal sealed class TransientRetryFixAllProvider : DocumentBasedFixAllProvider
{
    public static TransientRetryFixAllProvider Instance { get; } = new();

    protected override string GetFixAllTitle(FixAllContext fixAllContext) => "Retry transient 4xx replies with a bounded backoff";

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Mark every target, then fix them in source order against the updated document.
        var targets = new List<(SyntaxAnnotation GiveUp, SyntaxAnnotation Reply, bool Split)>();
        var annotations = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (!TransientReplyGivenUpCodeFixProvider.TryGetTargets(root, diagnostic, out var giveUp, out var replyNode))
            {
                continue;
            }

            var g = new SyntaxAnnotation();
            var r = new SyntaxAnnotation();
            Add(annotations, giveUp, g);
            Add(annotations, replyNode, r);
            targets.Add((g, r, TransientReplyGivenUpCodeFixProvider.IsSplit(diagnostic)));
        }

        root = root.ReplaceNodes(annotations.Keys, (original, current) => current.WithAdditionalAnnotations(annotations[original]));
        document = document.WithSyntaxRoot(root);
        var settings = RetrySettingsReader.Read(document, root.SyntaxTree);
        foreach (var (g, r, split) in targets)
        {
            root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var giveUp = root.GetAnnotatedNodes(g).OfType<StatementSyntax>().FirstOrDefault();
            var replyNode = root.GetAnnotatedNodes(r).FirstOrDefault();
            if (giveUp is null || replyNode is null || model is null)
            {
                continue;
            }

            var rewritten = RetryRewriter.Rewrite(root, model, giveUp, replyNode, split, settings, cancellationToken);
            if (rewritten is not null)
            {
                document = document.WithSyntaxRoot(rewritten);
            }
        }

        return document;
    }

    private static void Add(Dictionary<SyntaxNode, List<SyntaxAnnotation>> map, SyntaxNode node, SyntaxAnnotation annotation)
    {
        if (!map.TryGetValue(node, out var list))
        {
            map[node] = list = new List<SyntaxAnnotation>();
        }

        list.Add(annotation);
    }
}
