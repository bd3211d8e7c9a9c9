using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PositiveReplyAsErrorCodeFixProvider)), Shared]
public sealed class PositiveReplyAsErrorCodeFixProvider : CodeFixProvider
{
    /// <summary>One equivalence key for every shape of the fix, so that FixAll and <c>dotnet format</c> apply it everywhere.</summary>
    public const string TreatAsSuccessKey = DiagnosticIds.PositiveCompletionAsError + ".TreatAsSuccess";

    /// <summary>The key of the FTPR0005 fix.</summary>
    public const string AcceptStepKey = DiagnosticIds.IntermediateReplyAsError + ".AcceptStep";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PositiveCompletionAsError, DiagnosticIds.IntermediateReplyAsError);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            SyntaxNode? newRoot;
            string title;
            var intermediate = diagnostic.Id == DiagnosticIds.IntermediateReplyAsError;
            if (shape == "Whitelist")
            {
                newRoot = RewriteSuccessTest(root, model, anchor, diagnostic);
                title = intermediate ? "Accept every positive reply of the command" : "Accept every positive completion reply (category test)";
            }
            else
            {
                newRoot = TreatAsSuccess(root, model, anchor, diagnostic);
                title = intermediate ? "Accept the 3xx reply as the expected step" : "Treat the 2xx reply as success";
            }

            if (newRoot is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), intermediate ? AcceptStepKey : TreatAsSuccessKey), diagnostic);
            }
        }
    }

    /// <summary>reply.Code != "211" becomes a test of the category, or of the command's whole positive set.</summary>
    private static SyntaxNode? RewriteSuccessTest(SyntaxNode root, SemanticModel model, SyntaxNode anchor, Diagnostic diagnostic)
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

        var replacement = isError == "true" ? ReplyCheckBuilder.Negate(success) : success;
        return names.AddUsings(root.ReplaceNode(test, ReplyCheckBuilder.InPlaceOf(test, replacement)));
    }

    /// <summary>A test or arm that selects a 2xx for error handling hands it to the success side.</summary>
    private static SyntaxNode? TreatAsSuccess(SyntaxNode root, SemanticModel model, SyntaxNode anchor, Diagnostic diagnostic)
    {
        switch (anchor)
        {
            case SwitchLabelSyntax label when label.Parent is SwitchSectionSyntax section && section.Parent is SwitchStatementSyntax switchStatement:
                return MoveLabel(root, model, label, section, switchStatement);
            case PatternSyntax pattern when pattern.Parent is SwitchExpressionArmSyntax arm && arm.Parent is SwitchExpressionSyntax switchExpression:
                return CopySuccessValue(root, model, arm, switchExpression);
            case ExpressionSyntax condition:
                return RemoveErrorTest(root, condition, diagnostic);
            default:
                return null;
        }
    }

    private static SyntaxNode? MoveLabel(SyntaxNode root, SemanticModel model, SwitchLabelSyntax label, SwitchSectionSyntax section, SwitchStatementSyntax switchStatement)
    {
        // The success section: one that takes other 2xx codes and ends the way success does (break, return true, return a value).
        var success = switchStatement.Sections.FirstOrDefault(s => s != section && s.Labels.Any(l => IsCompletionLabel(l, model)) && EndsInSuccess(s));
        if (success is null)
        {
            return null;
        }

        var moved = label.WithTriviaFrom(success.Labels.Last());
        var newSuccess = success.WithLabels(success.Labels.Add(moved)).WithAdditionalAnnotations(Formatter.Annotation);
        if (section.Labels.Count == 1)
        {
            // The section held only this label: its statements are the 2xx's error handling and go with it.
            if (section.Statements.SelectMany(s => s.DescendantTrivia()).Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
            {
                return null;
            }

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

    private static SyntaxNode? CopySuccessValue(SyntaxNode root, SemanticModel model, SwitchExpressionArmSyntax arm, SwitchExpressionSyntax switchExpression)
    {
        foreach (var other in switchExpression.Arms)
        {
            if (other == arm || other.WhenClause is not null || !PatternHasCompletion(other.Pattern, model))
            {
                continue;
            }

            if (other.Expression is LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                return root.ReplaceNode(arm.Expression, other.Expression.WithTriviaFrom(arm.Expression));
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

    /// <summary>if (status == DirectoryStatus) throw ...: drop the 2xx test (a disjunct of it, or the whole if).</summary>
    private static SyntaxNode? RemoveErrorTest(SyntaxNode root, ExpressionSyntax condition, Diagnostic diagnostic)
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

        if (ConditionEditing.RemoveDisjunct(root, node) is { } withoutDisjunct)
        {
            return withoutDisjunct;
        }

        if (node.Parent is not IfStatementSyntax ifStatement || ifStatement.Condition != node)
        {
            return null;
        }

        if (ifStatement.Else is { } elseClause)
        {
            if (ifStatement.Parent is not BlockSyntax || elseClause.Statement is IfStatementSyntax)
            {
                return null;
            }

            var kept = elseClause.Statement is BlockSyntax block ? block.Statements : SyntaxFactory.SingletonList(elseClause.Statement);
            var withTrivia = kept.Select((s, i) => i == 0 ? s.WithLeadingTrivia(ifStatement.GetLeadingTrivia().AddRange(s.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)))) : s)
                .Select(s => s.WithAdditionalAnnotations(Formatter.Annotation));
            return root.ReplaceNode(ifStatement, withTrivia);
        }

        if (ifStatement.Parent is not (BlockSyntax or SwitchSectionSyntax))
        {
            return null;
        }

        // The comments of the removed error handling stay where it was.
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

        var statements = ifStatement.Parent is BlockSyntax parentBlock ? parentBlock.Statements : ((SwitchSectionSyntax)ifStatement.Parent).Statements;
        var index = statements.IndexOf(ifStatement);
        if (index + 1 < statements.Count)
        {
            var next = statements[index + 1];
            var tracked = root.TrackNodes(ifStatement, next);
            var currentNext = tracked.GetCurrentNode(next)!;
            tracked = tracked.ReplaceNode(currentNext, currentNext.WithLeadingTrivia(leading.AddRange(currentNext.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))));
            return tracked.RemoveNode(tracked.GetCurrentNode(ifStatement)!, SyntaxRemoveOptions.KeepNoTrivia);
        }

        // The last statement of a block: its comments move in front of the closing brace.
        if (ifStatement.Parent is not BlockSyntax owner)
        {
            return null;
        }

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
