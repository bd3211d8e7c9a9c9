using System.Collections.Generic;
using System.Collections.Immutable;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0004: a 1xx reply (110, 120, 125, 150) taken as the end of the command: success returned or the
/// response closed on it, a greeting of 120 accepted as ready, or a 1xx on the failure list.
/// </summary>
internal sealed class PreliminaryReplyAsFinal : Rule
{
    private static readonly ReplyCodeSet Preliminary = ReplyCodeSet.OfCategory(1);

    /// <summary>A method with one of these in its name asks about the preliminary reply itself.</summary>
    private static readonly string[] PreliminaryWords = { "Preliminary", "Pending", "Progress", "Started", "Starting", "Opening", "Wait", "Marker" };

    public override DiagnosticDescriptor Descriptor => RuleDescriptors.PreliminaryReplyAsFinal;

    public override void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report)
    {
        HashSet<TextSpan>? reported = null;
        foreach (var site in block.Sites)
        {
            if (site.Kind is GiveUpKind.ReturnSuccess or GiveUpKind.AnswersYes or GiveUpKind.CloseResponse or GiveUpKind.Throw or GiveUpKind.ThrowWithReply or GiveUpKind.ReturnFailure)
            {
                AnalyzeSite(report, block, site, ref reported);
            }
        }
    }

    private static void AnalyzeSite(OperationBlockAnalysisContext report, ReplyBlock block, ReplySite replySite, ref HashSet<TextSpan>? reported)
    {
        var (site, path) = (replySite.Operation, replySite.Path);
        if (path.Selection.Reply is not { } reply || path.CatchClause is not null || ReplyTests.MethodNameMentions(site, block, PreliminaryWords))
        {
            return;
        }

        var named = path.Selection.Must.Intersect(Preliminary).DefinedCodes();
        if (named.Count == 0 || !ReplyTests.IsExplicit(path.Selection.Must, Preliminary))
        {
            return;
        }

        // Where the reply can only be the first one (a download's response before its stream is read), the 1xx is the
        // reply the code should see there.
        if (block.Recognizer.Libraries.HoldsFirstReply(reply, replySite.Command))
        {
            return;
        }

        var anchor = ReplyTests.Narrow(path.Selection.Anchor, named[0].Code, block.Evaluator, site) ?? ReplySites.LocationOf(site);
        // A set only for blocks that report: most report nothing.
        if (!(reported ??= new HashSet<TextSpan>()).Add(anchor.Span))
        {
            return;
        }

        var advice = new List<string>();
        foreach (var code in named)
        {
            if (!advice.Contains(code.Advice))
            {
                advice.Add(code.Advice);
            }
        }

        report.ReportDiagnostic(Diagnostic.Create(
            RuleDescriptors.PreliminaryReplyAsFinal,
            anchor.GetLocation(),
            new[] { ReplySites.LocationOf(site).GetLocation() },
            ReplyMessages.Subject(named, "positive preliminary", null),
            string.Join("; ", advice)));
    }
}
