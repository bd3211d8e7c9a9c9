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
        // Narrowed, the test lets a 5xx out of the retry: it must reach code that looks at the reply again (and fails),
        // not the code that follows a success.
        if (!ReplyTestedAgainAfter(test, diagnostic, root, model))
        {
            return null;
        }

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

    /// <summary>
    /// Whether a reply the narrowed test no longer retries is no worse off than after the retries: a predicate's caller
    /// decides; a catch filter lets its exception go on up; a break right after the retrying if leaves the loop where an exhausted retry does;
    /// otherwise it must reach code that tests the reply again: the else branch of
    /// the if whose condition it is, or the statements after that if (or after the loop whose condition it is) in its
    /// block and in the blocks around it. Without such a test a 5xx would fall out of the retry into what follows it, often the success path: a
    /// visible failure would become a silent success.
    /// </summary>
    private static bool ReplyTestedAgainAfter(ExpressionSyntax test, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        // A narrowed catch filter lets the exception of a 5xx go on up: a visible failure.
        if (test.FirstAncestorOrSelf<CatchFilterClauseSyntax>() is not null)
        {
            return true;
        }

        if (diagnostic.AdditionalLocations.Count < 2)
        {
            return false;
        }

        var replySpan = diagnostic.AdditionalLocations[1].SourceSpan;
        var reply = root.FindNode(replySpan, getInnermostNodeForTie: true);
        var holder = reply.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(id => model.GetSymbolInfo(id).Symbol)
            .FirstOrDefault(symbol => symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol);
        if (holder is null)
        {
            return false;
        }

        // A predicate (ShouldRetry, IsTransient) answers its caller, which decides what a "no" does: the narrowing stands.
        var statement = test.Ancestors().OfType<StatementSyntax>().FirstOrDefault();
        var condition = statement switch
        {
            IfStatementSyntax s => s.Condition,
            WhileStatementSyntax s => s.Condition,
            DoStatementSyntax s => s.Condition,
            ForStatementSyntax s => s.Condition,
            _ => null,
        };
        if (statement is null || condition is null || !condition.Span.Contains(test.Span))
        {
            return true;
        }

        // An if in a loop's body whose other path is a break: a 5xx leaves the loop where an exhausted retry does.
        if (statement is IfStatementSyntax { Else: null, Parent: BlockSyntax { Parent: ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax } body } retrying
            && body.Statements.IndexOf(retrying) is var index && index + 1 < body.Statements.Count && body.Statements[index + 1] is BreakStatementSyntax)
        {
            return true;
        }

        bool TestsReply(SyntaxNode node) => node.DescendantNodesAndSelf().Any(n =>
            n is IfStatementSyntax or SwitchStatementSyntax or SwitchExpressionSyntax or ConditionalExpressionSyntax or BinaryExpressionSyntax or IsPatternExpressionSyntax
            && n.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, holder)));

        if (statement is IfStatementSyntax { Else: { } elseClause })
        {
            return TestsReply(elseClause);
        }

        // The path a 5xx now takes: the statements after the test, in order; a break goes on after its loop. It must test
        // the reply before it returns, throws or retries.
        SyntaxNode current = statement;
        while (current.Parent is not null && current is not (MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            if (current.Parent is not BlockSyntax block || current is not StatementSyntax inBlock)
            {
                if (current.Parent is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax)
                {
                    // The end of a loop's body: the next iteration.
                    return false;
                }

                current = current.Parent;
                continue;
            }

            SyntaxNode? next = null;
            foreach (var following in block.Statements.Skip(block.Statements.IndexOf(inBlock) + 1))
            {
                if (TestsReply(following))
                {
                    return true;
                }

                if (following is ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax or YieldStatementSyntax)
                {
                    return false;
                }

                if (following is BreakStatementSyntax)
                {
                    next = following.Ancestors().FirstOrDefault(n => n is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax or SwitchStatementSyntax);
                    break;
                }
            }

            if (next is null && block.Parent is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax)
            {
                return false;
            }

            current = next ?? block;
        }

        return false;
    }
}
