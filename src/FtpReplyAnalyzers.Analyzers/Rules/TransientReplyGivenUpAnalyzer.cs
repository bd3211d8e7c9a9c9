using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0001: a path that a transient 4xx reply takes gives up on the operation (throws, returns failure,
/// exits, breaks out of the retry loop) and nothing retries it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransientReplyGivenUpAnalyzer : FtpReplyAnalyzer
{
    /// <summary>Diagnostic property: "true" when the path lumps 4xx with other replies, so the fix must test for 4xx.</summary>
    public const string SplitProperty = "Split";

    private static readonly ReplyCodeSet Transient = ReplyCodeSet.OfCategory(4);
    private static readonly ReplyCodeSet Completion = ReplyCodeSet.OfCategory(2);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.TransientReplyGivenUp);

    private protected override void AnalyzeBlock(ReplyBlock block, FtpAnalysisContext ftp, DiagnosticReporter report)
    {
        foreach (var site in block.Sites)
        {
            if (site.Kind is GiveUpKind.Throw or GiveUpKind.ReturnFailure or GiveUpKind.CloseAndReturn or GiveUpKind.BreakOutOfLoop or GiveUpKind.Exit)
            {
                AnalyzeSite(report, ftp, block, site);
            }
        }
    }

    private static void AnalyzeSite(DiagnosticReporter report, FtpAnalysisContext ftp, ReplyBlock block, ReplySite replySite)
    {
        var site = replySite.Operation;
        var path = replySite.Path;
        if (path.Selection.Reply is not { } reply)
        {
            return;
        }

        var reaching = path.Selection.Must;

        // The complement of a success whitelist ("if (code != 226) throw") is left alone.
        if (reaching.Overlaps(Completion))
        {
            return;
        }

        var transient = reaching.Intersect(Transient).DefinedCodes();
        if (transient.Count == 0)
        {
            return;
        }

        var command = replySite.Command;
        var aborts = transient.Exists(static c => c.Code == 426) && CommandFinder.AbortsTransfer(site, ftp.Types);
        transient.RemoveAll(c => ReplyCatalog.IsExpectedNegative(command, c.Code) || (aborts && c.Code == 426));
        if (transient.Count == 0 || ftp.Retry.CallsRetryBefore(site) || ftp.Retry.IsRetried(site, block) || RetryContext.CameOutOfRetryLoop(reply, site))
        {
            return;
        }

        var split = !reaching.Except(Transient).IsEmpty;
        var key = new ReportKey(ReplyCodeSet.Of(transient.Select(info => info.Code)), split);
        if (!Templates.TryGet(key, out var template))
        {
            template = Templates.Keep(key, new DiagnosticTemplate(
                DiagnosticProperties.Of(SplitProperty, split ? "true" : "false"),
                new object[] { ReplyMessages.Subject(transient, "transient 4xx", null), transient.Count == 1 ? "it" : "them", ReplyMessages.TransientAdvice(transient) }));
        }

        report.Report(Diagnostic.Create(
            RuleDescriptors.TransientReplyGivenUp,
            ReplySites.LocationOf(site).GetLocation(),
            new[] { reply.Operation.Syntax.GetLocation() },
            template.Properties,
            template.Arguments));
    }

    private static readonly BoundedCache<ReportKey, DiagnosticTemplate> Templates = new();

    /// <summary>What decides a report's properties and message: the codes (in the catalog's order) and whether the path lumps 4xx with others.</summary>
    private readonly struct ReportKey : IEquatable<ReportKey>
    {
        public ReportKey(ReplyCodeSet codes, bool split)
        {
            Codes = codes;
            Split = split;
        }

        public ReplyCodeSet Codes { get; }

        public bool Split { get; }

        public bool Equals(ReportKey other) => Codes.Equals(other.Codes) && Split == other.Split;

        public override bool Equals(object? obj) => obj is ReportKey other && Equals(other);

        public override int GetHashCode() => (Codes.GetHashCode() * 2) + (Split ? 1 : 0);
    }
}
