using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.CodeFixes.Infrastructure;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;

namespace FtpReplyAnalyzers.CodeFixes.Rules;

/// <summary>
/// FTPR0002 and FTPR0005 fix: treat the 2xx reply as success, accept the 3xx as the expected step. An exact success test becomes a category test (or the
/// command's full positive set when the command also expects 3xx); a test or arm that picks a 2xx out for
/// error handling moves it to the success side.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PositiveReplyAsErrorCodeFixProvider))]
public sealed class PositiveReplyAsErrorCodeFixProvider : CodeFixProvider
{
    /// <summary>One equivalence key for every shape of the fix, so that FixAll and <c>dotnet format</c> apply it everywhere.</summary>
    public const string TreatAsSuccessKey = DiagnosticIds.PositiveCompletionAsError + ".TreatAsSuccess";

    /// <summary>The key of the FTPR0005 fix.</summary>
    public const string AcceptStepKey = DiagnosticIds.IntermediateReplyAsError + ".AcceptStep";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PositiveCompletionAsError, DiagnosticIds.IntermediateReplyAsError);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = new DefaultKeyFixAllProvider(WellKnownFixAllProviders.BatchFixer, static id => id == DiagnosticIds.IntermediateReplyAsError ? AcceptStepKey : TreatAsSuccessKey);

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
            var anchor = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            while (anchor.Parent is not null && anchor.Parent.Span == anchor.Span && anchor is not (SwitchLabelSyntax or PatternSyntax))
            {
                anchor = anchor.Parent;
            }

            diagnostic.Properties.TryGetValue(PositiveReplyAsError.ShapeProperty, out var shape);
            Func<CancellationToken, SyntaxNode>? rewrite;
            string title;
            var intermediate = diagnostic.Id == DiagnosticIds.IntermediateReplyAsError;
            if (shape == "Whitelist")
            {
                rewrite = PlanSuccessTest(root, model, anchor, diagnostic);
                title = intermediate ? "Accept every positive reply of the command" : "Accept every positive completion reply (category test)";
            }
            else
            {
                rewrite = PlanTreatAsSuccess(root, model, anchor, diagnostic);
                title = intermediate ? "Accept the 3xx reply as the expected step" : "Treat the 2xx reply as success";
            }

            if (rewrite is not null)
            {
                context.RegisterCodeFix(FixActions.Create(title, context.Document, rewrite, intermediate ? AcceptStepKey : TreatAsSuccessKey), diagnostic);
            }
        }
    }

    /// <summary>
    /// reply.Code != "211" becomes a test of the category, or of the command's whole positive set. The check writes
    /// the new test, because writing it is how the reply is known to be re-readable and of a type the test can be
    /// written for; the test is put in place when the fix is applied.
    /// </summary>
    private static Func<CancellationToken, SyntaxNode>? PlanSuccessTest(SyntaxNode root, SemanticModel model, SyntaxNode anchor, Diagnostic diagnostic)
    {
        if (anchor is not ExpressionSyntax test || diagnostic.AdditionalLocations.Count == 0
            || !diagnostic.Properties.TryGetValue(PositiveReplyAsError.TestIsErrorProperty, out var isError) || isError is null)
        {
            return null;
        }

        // The reply must be read inside the test itself (not in a helper property the test calls).
        var reply = FindExpression(root, diagnostic.AdditionalLocations[0]);
        if (reply is null || !test.Span.Contains(reply.Span))
        {
            return null;
        }

        var names = new TypeNamer(model, anchor.SpanStart);
        diagnostic.Properties.TryGetValue(PositiveReplyAsError.CommandProperty, out var command);
        var commandReplies = ReplyCatalog.FindCommand(command);
        var finals = commandReplies?.Positive.Where(c => c / 100 != 1).ToList() ?? new List<int>();
        ExpressionSyntax? success = finals.Count > 0 && finals.Any(c => c / 100 != 2)
            ? ReplyCheckBuilder.OneOf(names, reply, model, finals)
            : ReplyCheckBuilder.Category(names, reply, model, 2);
        if (success is null)
        {
            return null;
        }

        var replacement = ReplyCheckBuilder.InPlaceOf(test, isError == "true" ? ReplyCheckBuilder.Negate(success) : success);
        if (SyntaxFactory.AreEquivalent(test, replacement, topLevel: false))
        {
            return null;
        }

        return _ => names.AddUsings(root.ReplaceNode(test, replacement));
    }

    /// <summary>A test or arm that selects a 2xx for error handling hands it to the success side.</summary>
    private static Func<CancellationToken, SyntaxNode>? PlanTreatAsSuccess(SyntaxNode root, SemanticModel model, SyntaxNode anchor, Diagnostic diagnostic)
    {
        switch (anchor)
        {
            case SwitchLabelSyntax label when label.Parent is SwitchSectionSyntax section && section.Parent is SwitchStatementSyntax switchStatement:
                return PlanMoveLabel(root, model, label, section, switchStatement);
            case PatternSyntax pattern when pattern.Parent is SwitchExpressionArmSyntax arm && arm.Parent is SwitchExpressionSyntax switchExpression:
                return PlanCopySuccessValue(root, model, arm, switchExpression);
            case ExpressionSyntax condition:
                return PlanRemoveErrorTest(root, condition, diagnostic);
            default:
                return null;
        }
    }

    /// <summary>The check: a success section to move the label to, and no comment lost with a section that goes.</summary>
    private static Func<CancellationToken, SyntaxNode>? PlanMoveLabel(SyntaxNode root, SemanticModel model, SwitchLabelSyntax label, SwitchSectionSyntax section, SwitchStatementSyntax switchStatement)
    {
        // The success section: one that takes other 2xx codes and ends the way success does (break, return true, return a value).
        var success = switchStatement.Sections.FirstOrDefault(s => s != section && s.Labels.Any(l => IsCompletionLabel(l, model)) && EndsInSuccess(s));
        if (success is null)
        {
            return null;
        }

        // The section held only this label: its statements are the 2xx's error handling and go with it.
        if (section.Labels.Count == 1
            && section.Statements.SelectMany(s => s.DescendantTrivia()).Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            return null;
        }

        return _ => MoveLabel(root, label, section, switchStatement, success);
    }

    private static SyntaxNode MoveLabel(SyntaxNode root, SwitchLabelSyntax label, SwitchSectionSyntax section, SwitchStatementSyntax switchStatement, SwitchSectionSyntax success)
    {
        var moved = label.WithTriviaFrom(success.Labels.Last());
        var newSuccess = success.WithLabels(success.Labels.Add(moved)).WithAdditionalAnnotations(Formatter.Annotation);
        if (section.Labels.Count == 1)
        {
            var sectionIndex = switchStatement.Sections.IndexOf(section);
            var sections = switchStatement.Sections.Replace(success, newSuccess);
            sections = sections.RemoveAt(sectionIndex);
            return root.ReplaceNode(switchStatement, switchStatement.WithSections(sections));
        }

        var newSection = section.WithLabels(section.Labels.Remove(label));
        var updated = switchStatement.Sections.Replace(success, newSuccess);
        updated = updated.Replace(updated[switchStatement.Sections.IndexOf(section)], newSection);
        return root.ReplaceNode(switchStatement, switchStatement.WithSections(updated));
    }

    private static bool EndsInSuccess(SwitchSectionSyntax section) => section.Statements.LastOrDefault() switch
    {
        BreakStatementSyntax => true,
        ReturnStatementSyntax { Expression: null } => true,
        ReturnStatementSyntax { Expression: LiteralExpressionSyntax literal } => literal.IsKind(SyntaxKind.TrueLiteralExpression)
            || (literal.IsKind(SyntaxKind.NumericLiteralExpression) || literal.IsKind(SyntaxKind.StringLiteralExpression)) && literal.Token.ValueText is not ("" or "0"),
        ReturnStatementSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText is not ("Failed" or "Failure" or "Error" or "Empty"),
        _ => false,
    };

    private static bool IsCompletionLabel(SwitchLabelSyntax label, SemanticModel model)
    {
        var value = label switch
        {
            CaseSwitchLabelSyntax c => c.Value,
            CasePatternSwitchLabelSyntax { Pattern: ConstantPatternSyntax constant, WhenClause: null } => constant.Expression,
            _ => null,
        };
        return value is not null && IsCompletionConstant(model.GetConstantValue(value));
    }

    private static bool IsCompletionConstant(Optional<object?> constant)
    {
        if (!constant.HasValue || constant.Value is null)
        {
            return false;
        }

        var code = constant.Value is string s
            ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1
            : constant.Value is bool ? -1 : System.Convert.ToInt32(constant.Value, CultureInfo.InvariantCulture);
        return code is >= 200 and <= 399;
    }

    /// <summary>The check: another arm for 2xx codes whose value is simple to copy and not already this arm's.</summary>
    private static Func<CancellationToken, SyntaxNode>? PlanCopySuccessValue(SyntaxNode root, SemanticModel model, SwitchExpressionArmSyntax arm, SwitchExpressionSyntax switchExpression)
    {
        foreach (var other in switchExpression.Arms)
        {
            if (other == arm || other.WhenClause is not null || !PatternHasCompletion(other.Pattern, model))
            {
                continue;
            }

            if (other.Expression is LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                return SyntaxFactory.AreEquivalent(other.Expression, arm.Expression, topLevel: false)
                    ? null
                    : _ => root.ReplaceNode(arm.Expression, other.Expression.WithTriviaFrom(arm.Expression));
            }
        }

        return null;
    }

    private static bool PatternHasCompletion(PatternSyntax pattern, SemanticModel model) => pattern switch
    {
        ConstantPatternSyntax constant => IsCompletionConstant(model.GetConstantValue(constant.Expression)),
        BinaryPatternSyntax binary => PatternHasCompletion(binary.Left, model) || PatternHasCompletion(binary.Right, model),
        ParenthesizedPatternSyntax parenthesized => PatternHasCompletion(parenthesized.Pattern, model),
        _ => false,
    };

    /// <summary>
    /// if (status == DirectoryStatus) throw ...: drop the 2xx test (a disjunct of it, or the whole if). The check: the
    /// test is a side of an ||, or the whole condition of an if that can go (with a plain else kept in its place).
    /// </summary>
    private static Func<CancellationToken, SyntaxNode>? PlanRemoveErrorTest(SyntaxNode root, ExpressionSyntax condition, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PositiveReplyAsError.TestIsErrorProperty, out var isError) || isError != "true")
        {
            return null;
        }

        var node = (SyntaxNode)condition;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        if (ConditionEditing.CanRemoveDisjunct(node))
        {
            return _ => ConditionEditing.RemoveDisjunct(root, node)!;
        }

        if (node.Parent is not IfStatementSyntax ifStatement || ifStatement.Condition != node)
        {
            return null;
        }

        if (ifStatement.Else is { } elseClause)
        {
            return ifStatement.Parent is not BlockSyntax || elseClause.Statement is IfStatementSyntax ? null : _ => KeepElse(root, ifStatement, elseClause);
        }

        // The last statement of a switch section cannot go: the section must still end.
        var statements = ifStatement.Parent switch
        {
            BlockSyntax parentBlock => parentBlock.Statements,
            SwitchSectionSyntax parentSection => parentSection.Statements,
            _ => default,
        };
        var index = statements.IndexOf(ifStatement);
        if (index < 0 || (index + 1 == statements.Count && ifStatement.Parent is not BlockSyntax))
        {
            return null;
        }

        return _ => RemoveIf(root, ifStatement, statements, index);
    }

    /// <summary>The if goes, its else's statements take its place.</summary>
    private static SyntaxNode KeepElse(SyntaxNode root, IfStatementSyntax ifStatement, ElseClauseSyntax elseClause)
    {
        var kept = elseClause.Statement is BlockSyntax block ? block.Statements : SyntaxFactory.SingletonList(elseClause.Statement);
        var withTrivia = kept.Select((s, i) => i == 0 ? s.WithLeadingTrivia(ifStatement.GetLeadingTrivia().AddRange(s.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)))) : s)
            .Select(s => s.WithAdditionalAnnotations(Formatter.Annotation));
        return root.ReplaceNode(ifStatement, withTrivia);
    }

    /// <summary>The if goes; the comments of the removed error handling stay where it was.</summary>
    private static SyntaxNode RemoveIf(SyntaxNode root, IfStatementSyntax ifStatement, SyntaxList<StatementSyntax> statements, int index)
    {
        var comments = ifStatement.Statement.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)).ToList();
        var leading = ifStatement.GetLeadingTrivia();
        if (comments.Count > 0)
        {
            var indentation = leading.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var extra = new List<SyntaxTrivia>();
            foreach (var comment in comments)
            {
                extra.Add(comment);
                extra.Add(eol);
                extra.Add(indentation);
            }

            leading = leading.AddRange(extra);
        }

        if (index + 1 < statements.Count)
        {
            var next = statements[index + 1];
            var tracked = root.TrackNodes(ifStatement, next);
            var currentNext = tracked.GetCurrentNode(next)!;
            tracked = tracked.ReplaceNode(currentNext, currentNext.WithLeadingTrivia(leading.AddRange(currentNext.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))));
            return tracked.RemoveNode(tracked.GetCurrentNode(ifStatement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        // The last statement of a block: its comments move in front of the closing brace.
        var owner = (BlockSyntax)ifStatement.Parent!;
        var keptTrivia = leading.Reverse().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().ToList();
        var keptHasComment = keptTrivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
        var newOwner = owner.RemoveNode(ifStatement, SyntaxRemoveOptions.KeepNoTrivia)!;
        if (keptHasComment)
        {
            newOwner = newOwner.WithCloseBraceToken(newOwner.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.TriviaList(keptTrivia).AddRange(newOwner.CloseBraceToken.LeadingTrivia)));
        }

        return root.ReplaceNode(owner, newOwner);
    }

    private static ExpressionSyntax? FindExpression(SyntaxNode root, Location location)
    {
        var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == location.SourceSpan) ?? node as ExpressionSyntax;
    }
}
