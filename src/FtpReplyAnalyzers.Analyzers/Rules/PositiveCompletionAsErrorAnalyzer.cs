using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0002: a 2xx reply reaches error handling: a test that selects a 2xx code and throws, returns failure
/// or logs an error, or an exact success test that rejects a 2xx the command may get.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PositiveCompletionAsErrorAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the command the reply answers, when the code says.</summary>
    public const string CommandProperty = "Command";

    /// <summary>Diagnostic property: the 2xx codes rejected, comma-separated.</summary>
    public const string CodesProperty = "Codes";

    /// <summary>Diagnostic property: "Explicit" when the test names the 2xx codes, "Whitelist" when it rejects them by naming others.</summary>
    public const string ShapeProperty = "Shape";

    /// <summary>A test that names at most this many 2xx codes picks them out on purpose.</summary>
    private const int ExplicitLimit = 3;

    private static readonly ReplyCodeSet Completion = ReplyCodeSet.OfCategory(2);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PositiveCompletionAsError);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var ftp = FtpAnalysisContext.TryCreate(start.Compilation);
            if (ftp is null)
            {
                return;
            }

            // One diagnostic per test, however many error statements follow it.
            var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), bool>();
            start.RegisterOperationAction(c => Analyze(c, ftp, reported), ReplySites.Kinds);
        });
    }

    private static void Analyze(OperationAnalysisContext context, FtpAnalysisContext ftp, ConcurrentDictionary<(SyntaxTree, TextSpan), bool> reported)
    {
        if (!ftp.Covers(context.Operation))
        {
            return;
        }

        foreach (var (site, kind) in ReplySites.Of(context.Operation, ftp))
        {
            if (IsErrorHandling(site, kind))
            {
                AnalyzeSite(context, ftp, site, reported);
            }
        }
    }

    private static bool IsErrorHandling(IOperation site, GiveUpKind kind)
    {
        switch (kind)
        {
            case GiveUpKind.Throw:
            case GiveUpKind.ThrowWithReply:
            case GiveUpKind.LogError:
                return true;
            case GiveUpKind.ReturnFailure:
                // null, "" and default often mean "no error"; only false, negative numbers and failed statuses say failure.
                var value = site is IReturnOperation r ? r.ReturnedValue : site;
                var stripped = ReplyRecognizer.StripConversions(value);
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

    private static void AnalyzeSite(OperationAnalysisContext context, FtpAnalysisContext ftp, IOperation site, ConcurrentDictionary<(SyntaxTree, TextSpan), bool> reported)
    {
        var path = ReplyPath.Of(site, ftp.Evaluator);
        if (path is null || path.Selection.Reply is not { } reply || path.CatchClause is not null)
        {
            return;
        }

        var completions = path.Selection.Must.Intersect(Completion);
        var named = completions.DefinedCodes();
        if (named.Count == 0)
        {
            return;
        }

        var command = CommandFinder.Find(reply, site);
        var commandReplies = ReplyCatalog.FindCommand(command);
        var isExplicit = named.Count <= ExplicitLimit;
        if (!isExplicit)
        {
            // An exact success test: only the 2xx replies the command may really get count.
            if (commandReplies is null)
            {
                return;
            }

            named.RemoveAll(c => !commandReplies.IsPositive(c.Code));
            if (named.Count == 0)
            {
                return;
            }
        }

        var anchor = path.Selection.Anchor ?? ReplySites.LocationOf(site);
        if (!reported.TryAdd((anchor.SyntaxTree, anchor.Span), true))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[CommandProperty] = commandReplies?.Command;
        properties[ShapeProperty] = isExplicit ? "Explicit" : "Whitelist";
        var codes = new List<string>();
        foreach (var code in named)
        {
            codes.Add(code.Text);
        }

        properties[CodesProperty] = string.Join(",", codes);

        var subject = ReplyMessages.Subject(named, "positive completion", commandReplies?.Command);
        context.ReportDiagnostic(Diagnostic.Create(
            RuleDescriptors.PositiveCompletionAsError,
            anchor.GetLocation(),
            new[] { reply.Operation.Syntax.GetLocation(), ReplySites.LocationOf(site).GetLocation() },
            properties.ToImmutable(),
            subject,
            named.Count == 1 ? "it" : "them"));
    }
}
