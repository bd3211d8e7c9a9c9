using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Rules;

/// <summary>The descriptors of every rule, and the help links that lead to their doc pages.</summary>
public static class RuleDescriptors
{
    /// <summary>Where the rule pages live; each descriptor links to <c>{HelpLinkBase}{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/ftp-reply-analyzers/FtpReplyAnalyzers/blob/main/docs/rules/";

    public const string Category = "Reliability";

    /// <summary>The category of the option check, FTPR0009.</summary>
    public const string ConfigurationCategory = "Configuration";

    public static readonly DiagnosticDescriptor TransientReplyGivenUp = new(
        DiagnosticIds.TransientReplyGivenUp,
        title: "Transient negative reply (4xx) treated as fatal without retry",
        messageFormat: "{0}, but this code gives up on {1} without retrying: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A 4xx reply (Transient Negative Completion, RFC 959 section 4.2.1) means the action may be requested again: "
                     + "retry it with a bound and a backoff instead of failing. 421 asks for a new connection first; 425 for another "
                     + "data-connection mode; 426 and 451 for a transfer resumed with REST. Suppress with "
                     + "'dotnet_diagnostic.FTPR0001.severity = none' or #pragma warning disable FTPR0001.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.TransientReplyGivenUp + ".md");

    public static readonly DiagnosticDescriptor PositiveCompletionAsError = new(
        DiagnosticIds.PositiveCompletionAsError,
        title: "Positive completion reply (2xx) handled as an error",
        messageFormat: "{0}, but this code handles {1} as an error: treat {1} as success",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every 2xx reply (Positive Completion, RFC 959 section 4.2.1) means the command succeeded, whatever the second digit: "
                     + "202, 211, 212, 213 and 250 are successes as much as 200 and 226. Test the category, or the command's full set of "
                     + "positive replies. Suppress with 'dotnet_diagnostic.FTPR0002.severity = none' or #pragma warning disable FTPR0002.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.PositiveCompletionAsError + ".md");

    public static readonly DiagnosticDescriptor PermanentReplyRetried = new(
        DiagnosticIds.PermanentReplyRetried,
        title: "Permanent negative reply (5xx) retried",
        messageFormat: "{0}, but this code retries {1}: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A 5xx reply (Permanent Negative Completion, RFC 959 section 4.2.1) discourages the client from repeating the exact request: "
                     + "retrying it only delays the failure. Retry 4xx replies only, or change the request. Suppress with "
                     + "'dotnet_diagnostic.FTPR0003.severity = none' or #pragma warning disable FTPR0003.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.PermanentReplyRetried + ".md");

    public static readonly DiagnosticDescriptor PreliminaryReplyAsFinal = new(
        DiagnosticIds.PreliminaryReplyAsFinal,
        title: "Positive preliminary reply (1xx) treated as final",
        messageFormat: "{0}, but this code takes it as the end of the command: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A 1xx reply (Positive Preliminary, RFC 959 section 4.2.1) says that another reply follows: the command has neither "
                     + "succeeded nor failed yet. Keep reading until a final 2xx-5xx reply. Suppress with "
                     + "'dotnet_diagnostic.FTPR0004.severity = none' or #pragma warning disable FTPR0004.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.PreliminaryReplyAsFinal + ".md");

    public static readonly DiagnosticDescriptor IntermediateReplyAsError = new(
        DiagnosticIds.IntermediateReplyAsError,
        title: "Positive intermediate reply (3xx) handled as an error",
        messageFormat: "{0}, but this code handles {1} as an error: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A 3xx reply (Positive Intermediate, RFC 959 section 4.2.1) asks for the next command of the sequence: PASS after "
                     + "USER, RNTO after RNFR, RETR or STOR after REST, ADAT after AUTH. Suppress with "
                     + "'dotnet_diagnostic.FTPR0005.severity = none' or #pragma warning disable FTPR0005.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.IntermediateReplyAsError + ".md");

    public static readonly DiagnosticDescriptor NegativeReplyAsSuccess = new(
        DiagnosticIds.NegativeReplyAsSuccess,
        title: "Negative reply (4xx/5xx) treated as success",
        messageFormat: "{0}, but this code treats {1} as success{2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A 4xx or 5xx reply says the command failed (RFC 959 section 4.2.1). FtpStatusCode's names mislead: "
                     + "CommandNotImplemented is 502, not 202 (CommandExtraneous); ConnectionClosed is 426, not 226 (ClosingData). Suppress with "
                     + "'dotnet_diagnostic.FTPR0006.severity = none' or #pragma warning disable FTPR0006.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.NegativeReplyAsSuccess + ".md");

    public static readonly DiagnosticDescriptor UnknownReplyCode = new(
        DiagnosticIds.UnknownReplyCode,
        title: "Reply code not in the catalog",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The number is compared with an FTP reply code, but no RFC defines it as a reply: a typo, or a Winsock error number "
                     + "(10054, 10060, ...) that belongs to SocketException.SocketErrorCode. Suppress with "
                     + "'dotnet_diagnostic.FTPR0007.severity = none' or #pragma warning disable FTPR0007.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.UnknownReplyCode + ".md");

    public static readonly DiagnosticDescriptor ReplyCodeAsNumber = new(
        DiagnosticIds.ReplyCodeAsNumber,
        title: "Reply code written as a number",
        messageFormat: "Write {0} as FtpStatusCode.{1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "System.Net.FtpStatusCode names the reply: FtpStatusCode.ConnectionClosed says what 426 means. Suppress with "
                     + "'dotnet_diagnostic.FTPR0008.severity = none' or #pragma warning disable FTPR0008.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.ReplyCodeAsNumber + ".md");

    /// <summary>
    /// Not a rule on FTP code: an option the package cannot use. Reported once per compilation at its end, without a
    /// location (options belong to no line of code).
    /// </summary>
    public static readonly DiagnosticDescriptor InvalidOption = new(
        DiagnosticIds.InvalidOption,
        title: "FtpReplyAnalyzers option not valid",
        messageFormat: "The option {0} = {1} is not valid: {2}",
        category: ConfigurationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An ftp_reply_analyzers.* or dotnet_diagnostic.FTPRxxxx.* option in .editorconfig or a global config, or the "
                     + "FtpReplyAnalysisMode MSBuild property, has a key or a value the package cannot use: the message says what is "
                     + "used instead. Suppress with 'dotnet_diagnostic.FTPR0009.severity = none' in a global config or <NoWarn>.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.InvalidOption + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
