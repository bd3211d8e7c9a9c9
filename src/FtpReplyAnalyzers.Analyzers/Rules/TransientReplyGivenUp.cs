using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0001: a path that a transient 4xx reply takes gives up on the operation (throws, returns failure,
/// exits, breaks out of the retry loop) and nothing retries it.
/// </summary>
internal sealed class TransientReplyGivenUp : Rule
{
    /// <summary>Diagnostic property: "true" when the path lumps 4xx with other replies, so the fix must test for 4xx.</summary>
    public const string SplitProperty = "Split";

    private static readonly ReplyCodeSet Transient = ReplyCodeSet.OfCategory(4);
    private static readonly ReplyCodeSet Completion = ReplyCodeSet.OfCategory(2);
    private static readonly ReplyCodeSet Permanent = ReplyCodeSet.OfCategory(5);

    public override DiagnosticDescriptor Descriptor => RuleDescriptors.TransientReplyGivenUp;

    public override void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report)
    {
        foreach (var site in block.Sites)
        {
            if (site.Kind is GiveUpKind.Throw or GiveUpKind.ReturnFailure or GiveUpKind.CloseAndReturn or GiveUpKind.BreakOutOfLoop or GiveUpKind.Exit)
            {
                AnalyzeSite(report, ftp, block, site);
            }
        }
    }

    private static void AnalyzeSite(OperationBlockAnalysisContext report, FtpAnalysisContext ftp, ReplyBlock block, ReplySite replySite)
    {
        var site = replySite.Operation;
        var path = replySite.Path;
        if (path.Selection.Reply is not { } reply)
        {
            return;
        }

        // IsDirectory(), FileExists(): false is the answer to the question, not a failure.
        var returned = site is IReturnOperation returnOperation ? returnOperation.ReturnedValue : site;
        if (replySite.Kind == GiveUpKind.ReturnFailure && OperationHelpers.StripConversions(returned)?.ConstantValue is { HasValue: true, Value: false }
            && ReplyTests.AnswersAQuestion(site, block))
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
        var aborts = transient.Exists(static c => c.Code == 426) && block.Commands.AbortsTransfer(site);
        transient.RemoveAll(c => !ReplyCatalog.MayAnswer(command, c.Code) || ReplyCatalog.IsExpectedNegative(command, c.Code) || (aborts && c.Code == 426));
        if (transient.Count == 0 || (PassesUp(replySite.Kind) && transient.TrueForAll(static c => c.Code == 421)))
        {
            // 421: the server is closing the control connection; nothing can be retried on it. Throwing or returning
            // failure passes it to the code that owns the connection, which reconnects.
            return;
        }

        if (ftp.Retry.CallsRetryBefore(site) || ftp.Retry.IsRetried(site, block) || RetryContext.CameOutOfRetryLoop(reply, site, block)
            || IsTypeChosenByTheTest(site) || IsTypedByCategory(replySite, block) || GiveUp.RethrowsByDefault(site))
        {
            return;
        }

        var split = !reaching.Except(Transient).IsEmpty;
        report.ReportDiagnostic(Diagnostic.Create(
            RuleDescriptors.TransientReplyGivenUp,
            ReplySites.LocationOf(site).GetLocation(),
            new[] { reply.Operation.Syntax.GetLocation() },
            DiagnosticProperties.Of(SplitProperty, split ? "true" : "false"),
            ReplyMessages.Subject(transient, "transient 4xx", null),
            transient.Count == 1 ? "it" : "them",
            ReplyMessages.TransientAdvice(transient)));
    }

    private static bool PassesUp(GiveUpKind kind) => kind is GiveUpKind.Throw or GiveUpKind.ReturnFailure;

    /// <summary>
    /// A switch or a chain of tests that throws one exception type for the transient replies that reach the site and
    /// other types for the permanent ones (<c>case 425: throw new DataConnectionException(...); case 550: throw new
    /// ParameterException(...);</c>): the type tells the caller which kind of reply it was, and the caller decides
    /// whether to retry.
    /// </summary>
    private static bool IsTypedByCategory(ReplySite replySite, ReplyBlock block)
    {
        var selection = replySite.Path.Selection;
        if (selection.Must.Overlaps(Permanent) || ThrownType(replySite.Operation) is not { } thrown)
        {
            return false;
        }

        var distinguished = false;
        foreach (var other in block.Sites)
        {
            var must = other.Path.Selection.Must;
            if (other == replySite || other.Kind != GiveUpKind.Throw || must.Overlaps(Transient) || !must.Overlaps(Permanent)
                || !ReplyPath.SameReply(selection, other.Path.Selection))
            {
                continue;
            }

            if (ThrownType(other.Operation) is not { } otherType || SymbolEqualityComparer.Default.Equals(thrown, otherType))
            {
                return false;
            }

            distinguished = true;
        }

        return distinguished;
    }

    private static ITypeSymbol? ThrownType(IOperation site)
        => site is IThrowOperation { Exception: { } exception } ? OperationHelpers.StripConversions(exception)?.Type : null;

    /// <summary>
    /// <c>if (code == 425) throw new DataConnectionException(...); else throw new TimeoutException(...);</c>: the test
    /// picks the exception's type, so the type tells the caller which reply it was, as the reply itself would.
    /// </summary>
    private static bool IsTypeChosenByTheTest(IOperation site)
    {
        if (site is not IThrowOperation { Exception: { } exception } || OperationHelpers.StripConversions(exception)?.Type is not { } thrown)
        {
            return false;
        }

        IOperation statement = site.Parent is IExpressionStatementOperation wrapper ? wrapper : site;
        if (statement.Parent is IBlockOperation { Operations.Length: 1 } single)
        {
            statement = single;
        }

        if (statement.Parent is not IConditionalOperation conditional || conditional.WhenFalse is null)
        {
            return false;
        }

        var other = OperationHelpers.OnlyStatementOf(conditional.WhenTrue == statement ? conditional.WhenFalse : conditional.WhenTrue);
        if (other is IExpressionStatementOperation { Operation: IThrowOperation inner })
        {
            other = inner;
        }

        return other is IThrowOperation { Exception: { } otherException }
               && OperationHelpers.StripConversions(otherException)?.Type is { } otherType
               && !SymbolEqualityComparer.Default.Equals(thrown, otherType);
    }
}
