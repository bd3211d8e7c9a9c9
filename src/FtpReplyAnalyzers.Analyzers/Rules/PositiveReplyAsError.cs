using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// A positive reply of one category reaches error handling: a test that selects such a code and throws,
/// returns failure or logs an error, or an exact success test that rejects one the command may get.
/// FTPR0002 (2xx) and FTPR0005 (3xx) are this rule for their category.
/// </summary>
internal abstract class PositiveReplyAsError : Rule
{
    /// <summary>Diagnostic property: the command the reply answers, when the code says.</summary>
    public const string CommandProperty = "Command";

    /// <summary>Diagnostic property: "Explicit" when the test names the 2xx codes, "Whitelist" when it rejects them by naming others.</summary>
    public const string ShapeProperty = "Shape";

    /// <summary>Diagnostic property: "true" when the reported test is true on the error path, "false" when true on the success path.</summary>
    public const string TestIsErrorProperty = "TestIsError";

    private static readonly ReplyCodeSet Preliminary = ReplyCodeSet.OfCategory(1);

    /// <summary>The replies RFC 2228 defines: they come only after a security exchange.</summary>
    private static readonly ReplyCodeSet NotImplemented = ReplyCodeSet.Single(202);

    private static readonly ReplyCodeSet SecurityData = ReplyCodeSet.Of(new[] { 334, 335, 336 });

    private static readonly ReplyCodeSet AfterSecurityExchange = ReplyCodeSet.Of(ReplyCatalog.Codes.Where(info => info.Source == "2228").Select(info => info.Code));

    private readonly ReplyCodeSet _category;
    private protected PositiveReplyAsError(int digit, DiagnosticDescriptor descriptor)
    {
        _category = ReplyCodeSet.OfCategory(digit);
        Descriptor = descriptor;
    }

    public sealed override DiagnosticDescriptor Descriptor { get; }

    /// <summary>The message arguments after the subject: the pronoun and what to do.</summary>
    private protected abstract object[] MessageArguments(List<ReplyCodeInfo> codes, string pronoun);

    public override void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report)
    {
        HashSet<TextSpan>? reported = null;
        foreach (var site in block.Sites)
        {
            if (site.Path.CatchClause is null && IsErrorHandling(site, block))
            {
                AnalyzeSite(report, block, site, ref reported);
            }
        }
    }

    private static bool IsErrorHandling(ReplySite replySite, ReplyBlock block)
    {
        var site = replySite.Operation;
        switch (replySite.Kind)
        {
            case GiveUpKind.Throw:
            case GiveUpKind.ThrowWithReply:
            case GiveUpKind.LogError:
            case GiveUpKind.RejectedByLibrary:
                return true;
            case GiveUpKind.CloseAndReturn:
                // Closing after QUIT's 221 (service closing control connection) is the normal end of a session.
                var must = replySite.Path.Selection.Must;
                return replySite.Command != "QUIT" && !(must.Contains(221) && ReplyTests.IsExplicit(must, ReplyCodeSet.OfCategory(2)));
            case GiveUpKind.ReturnFailure:
                // null, "" and default often mean "no error"; only false, negative numbers and failed statuses say failure.
                var value = site is IReturnOperation r ? r.ReturnedValue : site;
                if (value is null)
                {
                    // A bare return after a failed status is set (see GiveUp): the failure is the status.
                    return true;
                }

                var stripped = OperationHelpers.StripConversions(value);
                if (stripped?.ConstantValue is { HasValue: true, Value: false } && ReplyTests.AnswersAQuestion(site, block))
                {
                    // IsDirectory(), Exists(): false is an answer, not a failure.
                    return false;
                }

                return stripped is not null && stripped.ConstantValue is not { HasValue: true, Value: null or string }
                       && stripped is not IDefaultValueOperation && stripped is not IFieldReferenceOperation { Field.Name: "Empty" }
                       && stripped is not IInvocationOperation { TargetMethod.Name: "Empty" } && stripped is not IArrayCreationOperation
                       && stripped is not IObjectCreationOperation;
            case GiveUpKind.Exit:
                return site is IInvocationOperation { Arguments.Length: > 0 } exit
                       && exit.Arguments[0].Value.ConstantValue is { HasValue: true, Value: int code } && code != 0;
            default:
                return false;
        }
    }

    private void AnalyzeSite(OperationBlockAnalysisContext report, ReplyBlock block, ReplySite replySite, ref HashSet<TextSpan>? reported)
    {
        var site = replySite.Operation;
        var path = replySite.Path;
        if (path.Selection.Reply is not { } reply)
        {
            return;
        }

        var completions = path.Selection.Must.Intersect(_category);
        if (completions.DefinedCount() == 0)
        {
            return;
        }

        var command = replySite.Command;
        if (block.Recognizer.Libraries.HoldsFirstReply(reply, command))
        {
            // The reply is still the 125 or 150 that opened the transfer: its final reply is not the one tested.
            return;
        }

        var commandReplies = ReplyCatalog.FindCommand(command);
        var isExplicit = ReplyTests.IsExplicit(path.Selection.Must, _category);

        // 202 says "not implemented": superfluous, so done, for ALLO, ACCT or OPTS UTF8 ON; not done for a SITE command.
        // After a known command whose positive replies the catalog does not list it among, it is no success.
        if (completions.Contains(202) && commandReplies is not null && !commandReplies.PositiveSet.Contains(202))
        {
            completions = completions.Except(NotImplemented);
            if (completions.DefinedCount() == 0)
            {
                return;
            }
        }

        if (!isExplicit)
        {
            // An exact success test: only the replies the command may really get count, found on the sets before
            // any list is made (most such tests reject none of them).
            if (commandReplies is null)
            {
                return;
            }

            completions = completions.Intersect(commandReplies.PositiveSet);
            if (completions.IsEmpty)
            {
                return;
            }

            // A test that accepts the command's preliminary reply checks the first reply, before the final one.
            if (!path.Selection.May.IsSupersetOf(commandReplies.PositiveSet.Intersect(Preliminary)))
            {
                return;
            }

            // 232, 334, 335, 336 come only after a security exchange (RFC 2228): expected only where the code sends AUTH;
            // 334, 335 and 336 only where it also sends the security data (ADAT): AUTH TLS is answered 234 (RFC 4217).
            if (completions.Overlaps(AfterSecurityExchange) && !block.Commands.SendsSecurityCommand(site))
            {
                completions = completions.Except(AfterSecurityExchange);
            }

            if (completions.Overlaps(SecurityData) && !block.Commands.SendsSecurityData(site))
            {
                completions = completions.Except(SecurityData);
            }
        }

        var named = completions.DefinedCodes();
        if (named.Count == 0)
        {
            return;
        }

        var anchor = ReplyTests.Narrow(path.Selection.Anchor, named[0].Code, block.Evaluator, site) ?? ReplySites.LocationOf(site);
        // A set only for blocks that report: most report nothing.
        if (!(reported ??= new HashSet<TextSpan>()).Add(anchor.Span))
        {
            return;
        }

        string? testIsErrorKey = null, testIsError = null;
        if (OperationHelpers.Find(site, anchor) is { } anchorOperation && anchorOperation.Type?.SpecialType == SpecialType.System_Boolean)
        {
            var test = block.Evaluator.Evaluate(anchorOperation);
            testIsErrorKey = TestIsErrorProperty;
            testIsError = test.Must.Contains(named[0].Code) ? "true" : test.May.Contains(named[0].Code) ? null : "false";
        }

        var properties = DiagnosticProperties.Of(CommandProperty, commandReplies?.Command, ShapeProperty, isExplicit ? "Explicit" : "Whitelist", testIsErrorKey, testIsError);
        var phrase = ReplyCatalog.RuleOf(named[0].Category).Name.ToLowerInvariant();
        var arguments = new List<object> { ReplyMessages.Subject(named, phrase, commandReplies?.Command) };
        arguments.AddRange(MessageArguments(named, named.Count == 1 ? "it" : "them"));

        report.ReportDiagnostic(Diagnostic.Create(
            Descriptor,
            anchor.GetLocation(),
            new[] { reply.Operation.Syntax.GetLocation(), ReplySites.LocationOf(site).GetLocation() },
            properties,
            arguments.ToArray()));
    }
}
