using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0006: a success path reached by a 4xx or 5xx reply: a success test or arm that names one
/// (often through a misleading FtpStatusCode name), or a failure list whose default returns success.
/// </summary>
internal sealed class NegativeReplyAsSuccess : Rule
{
    /// <summary>Diagnostic property: the FtpStatusCode member the author most likely meant.</summary>
    public const string IntendedMemberProperty = "IntendedMember";

    /// <summary>Diagnostic property: "true" when the diagnostic sits on a test that names the negative code.</summary>
    public const string ExplicitProperty = "Explicit";

    private static readonly ReplyCodeSet Negative = ReplyCodeSet.Range(400, 599);
    private static readonly ReplyCodeSet Completion = ReplyCodeSet.OfCategory(2);

    /// <summary>A method with one of these in its name answers "did it fail?": its true is no success.</summary>
    private static readonly string[] NegativeWords = { "Fail", "Error", "Permanent", "Transient", "Retr", "Negative", "Abort", "Missing", "NotFound", "Busy", "Denied", "Refused", "Reject", "Unhappy", "Unsuccess", "Invalid", "Bad" };

    public override DiagnosticDescriptor Descriptor => RuleDescriptors.NegativeReplyAsSuccess;

    public override void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report)
    {
        HashSet<TextSpan>? reported = null;
        foreach (var site in block.Sites)
        {
            if (site.Kind is GiveUpKind.ReturnSuccess or GiveUpKind.AnswersYes)
            {
                AnalyzeSite(report, block, site, ref reported);
            }
        }
    }

    private static void AnalyzeSite(OperationBlockAnalysisContext report, ReplyBlock block, ReplySite replySite, ref HashSet<TextSpan>? reported)
    {
        var site = replySite.Operation;
        var path = replySite.Path;
        if (path.Selection.Reply is not { } reply || path.CatchClause is not null || site.SemanticModel is not { } model
            || ReplyTests.MethodNameMentions(site, block, NegativeWords))
        {
            return;
        }

        var must = path.Selection.Must;
        var negatives = must.Intersect(Negative).DefinedCodes();
        var command = replySite.Command;
        var isExplicit = ReplyTests.IsExplicit(must, Negative);
        negatives.RemoveAll(c => ReplyCatalog.IsExpectedNegative(command, c.Code));
        var named = negatives.ToList();
        negatives.RemoveAll(c => !ReplyCatalog.MayAnswer(command, c.Code));
        if (negatives.Count == 0 && isExplicit)
        {
            // The codes the test names, when the catalog lists none of them for the command
            // (FtpStatusCode.CommandNotImplemented, 502, beside ALLO's 200).
            negatives = named;
        }

        if (negatives.Count == 0)
        {
            return;
        }

        SyntaxNode anchor;
        if (isExplicit)
        {
            // A success test that names the negative code (alone or beside 2xx codes).
            anchor = ReplyTests.Narrow(path.Selection.Anchor, negatives[0].Code, block.Evaluator, site) ?? ReplySites.LocationOf(site);
        }
        else if (replySite.Kind == GiveUpKind.AnswersYes)
        {
            // A returned test that names no negative code (c != 550, c < 400) says only what it was asked.
            return;
        }
        else
        {
            // A failure list whose default is success: the codes left out of the list reach success.
            var listed = must.Complement();
            if (!listed.Overlaps(Negative) || listed.Overlaps(Completion))
            {
                return;
            }

            anchor = ReplySites.LocationOf(site);
            negatives = TransientFirst(negatives);
        }

        // A set only for blocks that report: most report nothing.
        if (!(reported ??= new HashSet<TextSpan>()).Add(anchor.Span))
        {
            return;
        }

        string? intendedKey = null, intendedMember = null;
        var hint = string.Empty;
        if (isExplicit && MisleadingMember(anchor, model, block.Recognizer.Libraries) is var (misleading, intended))
        {
            intendedKey = IntendedMemberProperty;
            intendedMember = intended;
            var type = misleading.ContainingType.Name;
            hint = $": {type}.{misleading.Name} is {negatives[0].Text}; did you mean {type}.{intended}?";
        }

        var properties = DiagnosticProperties.Of(ExplicitProperty, isExplicit ? "true" : "false", intendedKey, intendedMember);

        var phrase = negatives.TrueForAll(c => c.Category == ReplyCategory.TransientNegativeCompletion) ? "transient negative"
            : negatives.TrueForAll(c => c.Category == ReplyCategory.PermanentNegativeCompletion) ? "permanent negative" : "negative";
        report.ReportDiagnostic(Diagnostic.Create(
            RuleDescriptors.NegativeReplyAsSuccess,
            anchor.GetLocation(),
            new[] { reply.Operation.Syntax.GetLocation(), ReplySites.LocationOf(site).GetLocation() },
            properties,
            ReplyMessages.Subject(negatives, phrase, ReplyCatalog.FindCommand(command)?.Command),
            negatives.Count == 1 ? "it" : "them",
            hint));
    }

    /// <summary>The transient codes first (the ones a failure list most often forgets), then the rest, at most six.</summary>
    private static List<ReplyCodeInfo> TransientFirst(List<ReplyCodeInfo> codes)
    {
        var ordered = new List<ReplyCodeInfo>();
        ordered.AddRange(codes.FindAll(c => c.Category == ReplyCategory.TransientNegativeCompletion));
        ordered.AddRange(codes.FindAll(c => c.Category != ReplyCategory.TransientNegativeCompletion));
        return ordered.Count > 6 ? ordered.GetRange(0, 6) : ordered;
    }

    /// <summary>The code member named in the test whose name misleads, with the member meant.</summary>
    private static (IFieldSymbol Member, string Intended)? MisleadingMember(SyntaxNode anchor, SemanticModel model, FtpLibraries libraries)
    {
        foreach (var node in anchor.DescendantNodesAndSelf())
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access
                && model.GetSymbolInfo(access).Symbol is IFieldSymbol field && libraries.IntendedMember(field) is { } intended)
            {
                return (field, intended);
            }
        }

        return null;
    }
}
