using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.CodeFixes.Infrastructure;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Recognition;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpReplyAnalyzers.CodeFixes.Rules;

/// <summary>
/// FTPR0003 fix: narrow the retry to 4xx: a catch that retries every negative reply gets a 4xx filter; a test
/// that lumps 4xx with 5xx becomes a 4xx category test; a 5xx-only side of an || is taken out.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PermanentReplyRetriedCodeFixProvider))]
public sealed class PermanentReplyRetriedCodeFixProvider : CodeFixProvider
{
    public const string RetryTransientOnlyKey = DiagnosticIds.PermanentReplyRetried + ".RetryTransientOnly";

    private static readonly ReplyCodeSet Transient = ReplyCodeSet.OfCategory(4);
    private static readonly ReplyCodeSet Permanent = ReplyCodeSet.OfCategory(5);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PermanentReplyRetried);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = new DefaultKeyFixAllProvider(WellKnownFixAllProviders.BatchFixer, static _ => RetryTransientOnlyKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FtpLibraries.TryCreate(model.Compilation, optionsProvider: null) is not { } types)
        {
            return;
        }

        var evaluator = new ConditionEvaluator(new ReplyRecognizer(types, member: null));
        foreach (var diagnostic in context.Diagnostics)
        {
            var anchor = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var rewrite = anchor switch
            {
                CatchDeclarationSyntax { Parent: CatchClauseSyntax catchClause } => PlanTransientFilter(root, model, catchClause),
                ExpressionSyntax test => PlanNarrowTest(root, model, evaluator, test, diagnostic),
                _ => null,
            };
            if (rewrite is not null)
            {
                context.RegisterCodeFix(FixActions.Create("Retry only transient 4xx replies", context.Document, rewrite, RetryTransientOnlyKey), diagnostic);
            }
        }
    }

    /// <summary>
    /// The check for a catch without a filter: it can name what it catches and carries a reply a 4xx filter can test.
    /// The filter's test is written here, because writing it is how its type is known to carry a reply; the
    /// catch clause is rewritten when the fix is applied.
    /// </summary>
    private static Func<CancellationToken, SyntaxNode>? PlanTransientFilter(SyntaxNode root, SemanticModel model, CatchClauseSyntax catchClause)
    {
        if (catchClause.Declaration is not { } declaration || catchClause.Filter is not null)
        {
            return null;
        }

        var names = new TypeNamer(model, catchClause.SpanStart);
        var name = declaration.Identifier.ValueText;
        var unnamed = string.IsNullOrEmpty(name);
        if (unnamed)
        {
            name = "ex";
            if (model.LookupSymbols(catchClause.Block.SpanStart, name: name).Length > 0)
            {
                return null;
            }
        }

        var test = ReplyCheckBuilder.CaughtCategory(names, name, catchClause, model, 4);
        if (test is null)
        {
            return null;
        }

        return _ =>
        {
            var newDeclaration = unnamed
                ? declaration.WithType(declaration.Type.WithoutTrailingTrivia()).WithIdentifier(SyntaxFactory.Identifier(SyntaxFactory.TriviaList(SyntaxFactory.Space), name, SyntaxFactory.TriviaList()))
                : declaration;
            var filter = SyntaxFactory.CatchFilterClause(test.WithoutAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation))
                .WithLeadingTrivia(SyntaxFactory.Space);
            var updated = catchClause.WithDeclaration(newDeclaration.WithTrailingTrivia()).WithFilter(filter.WithTrailingTrivia(newDeclaration.GetTrailingTrivia()));
            return names.AddUsings(root.ReplaceNode(catchClause, updated));
        };
    }

    /// <summary>
    /// The check for a test: a 5xx-only side of an || comes out, or a test that lumps every 4xx with 5xx becomes
    /// the 4xx category test (written here, because writing it is how the reply is known to be re-readable and of
    /// a type the test can be written for; the test is put in place when the fix is applied).
    /// </summary>
    private static Func<CancellationToken, SyntaxNode>? PlanNarrowTest(SyntaxNode root, SemanticModel model, ConditionEvaluator evaluator, ExpressionSyntax test, Diagnostic diagnostic)
    {
        // The test is itself a side of an || (or of an or pattern) and selects only 5xx: it comes out.
        var own = evaluator.Evaluate(model.GetOperation(test));
        if (own.TestsReply && !own.Must.Overlaps(Transient) && own.Must.Overlaps(Permanent) && ConditionEditing.CanRemoveDisjunct(test))
        {
            return _ => ConditionEditing.RemoveDisjunct(root, test)!;
        }

        // A side of an || inside the test that selects only 5xx comes out.
        foreach (var side in test.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>().Where(b => b.IsKind(SyntaxKind.LogicalOrExpression)).SelectMany(b => new[] { b.Left, b.Right }))
        {
            var selection = evaluator.Evaluate(model.GetOperation(side));
            if (selection.TestsReply && !selection.Must.Overlaps(Transient) && selection.Must.Overlaps(Permanent))
            {
                return ConditionEditing.CanRemoveDisjunct(side) ? _ => ConditionEditing.RemoveDisjunct(root, side)! : null;
            }
        }

        // A test that lumps every 4xx with 5xx becomes the 4xx category test.
        if (!own.Must.IsSupersetOf(Transient) || diagnostic.AdditionalLocations.Count < 2)
        {
            return null;
        }

        var replySpan = diagnostic.AdditionalLocations[1].SourceSpan;
        var reply = root.FindNode(replySpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == replySpan);
        if (reply is null || !test.Span.Contains(reply.Span))
        {
            return null;
        }

        var names = new TypeNamer(model, test.SpanStart);
        var transient = ReplyCheckBuilder.Category(names, reply, model, 4);
        if (transient is null)
        {
            return null;
        }

        var replacement = ReplyCheckBuilder.InPlaceOf(test, transient);
        if (SyntaxFactory.AreEquivalent(test, replacement, topLevel: false))
        {
            return null;
        }

        return _ => names.AddUsings(root.ReplaceNode(test, replacement));
    }
}
