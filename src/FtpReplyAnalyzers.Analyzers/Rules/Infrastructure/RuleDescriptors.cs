using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Rules;

/// <summary>The descriptors of every rule, and the help links that lead to their doc pages.</summary>
public static class RuleDescriptors
{
    /// <summary>Where the rule pages live; each descriptor links to <c>{HelpLinkBase}{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/ftp-reply-analyzers/FtpReplyAnalyzers/blob/main/docs/rules/";

    public const string Category = "Reliability";

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
}
