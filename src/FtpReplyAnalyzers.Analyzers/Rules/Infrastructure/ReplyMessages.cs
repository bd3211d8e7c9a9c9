using System;
using System.Collections.Generic;
using System.Text;
using FtpReplyAnalyzers.Catalog;

namespace FtpReplyAnalyzers.Rules;

/// <summary>Builds diagnostic messages from the catalog.</summary>
internal static class ReplyMessages
{
    private const int MaxNamed = 3;
    private const int MaxListed = 8;

    /// <summary>The characters a message's builder starts with.</summary>
    public const int MessageCapacity = 256;

    /// <summary>"Reply 426 (connection closed; transfer aborted) is a transient 4xx reply" and its plural forms.</summary>
    public static string Subject(IReadOnlyList<ReplyCodeInfo> codes, string categoryPhrase, string? command)
    {
        // Room for a subject naming three codes with their meanings, so the text is not copied as it grows.
        var text = new StringBuilder(MessageCapacity);
        var commandPart = command is null ? string.Empty : " to " + command;
        if (codes.Count == 1)
        {
            text.Append("Reply ").Append(codes[0]).Append(" is ").Append(Article(categoryPhrase)).Append(' ').Append(categoryPhrase).Append(" reply").Append(commandPart);
            return text.ToString();
        }

        text.Append("Replies ");
        AppendList(text, codes);
        text.Append(" are ").Append(categoryPhrase).Append(" replies").Append(commandPart);
        return text.ToString();
    }

    /// <summary>"421 (service not available, closing control connection), 425 (...) and 426 (...)", or "4xx replies such as 421, 425 and 426" when there are many.</summary>
    public static void AppendList(StringBuilder text, IReadOnlyList<ReplyCodeInfo> codes)
    {
        if (codes.Count > MaxListed)
        {
            // 500, 501, 502, ..., 554 (19 codes)
            text.Append(codes[0].Text).Append(", ").Append(codes[1].Text).Append(", ").Append(codes[2].Text)
                .Append(", ..., ").Append(codes[codes.Count - 1].Text).Append(" (").Append(codes.Count).Append(" codes)");
            return;
        }

        var withMeaning = codes.Count <= MaxNamed;
        for (var i = 0; i < codes.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == codes.Count - 1 ? " and " : ", ");
            }

            text.Append(withMeaning ? codes[i].ToString() : codes[i].Text);
        }
    }

    /// <summary>What to do about transient replies: the code's own advice, or the category rule with the codes that need more.</summary>
    public static string TransientAdvice(IReadOnlyList<ReplyCodeInfo> codes)
    {
        if (codes.Count == 1)
        {
            return codes[0].Advice;
        }

        var text = new StringBuilder(ReplyCatalog.RuleOf(ReplyCategory.TransientNegativeCompletion).FixRule, MessageCapacity);
        AppendWhen(text, codes, ReplyHandling.ReconnectThenRetry, "reconnect first after ");
        AppendWhen(text, codes, ReplyHandling.SwitchDataMode, "switch the data-connection mode after ");
        AppendWhen(text, codes, ReplyHandling.ResumeWithRest, "resume with REST after ");
        return text.ToString();
    }

    private static void AppendWhen(StringBuilder text, IReadOnlyList<ReplyCodeInfo> codes, ReplyHandling handling, string clause)
    {
        var matching = new List<string>();
        foreach (var code in codes)
        {
            if ((code.Handling & handling) != 0)
            {
                matching.Add(code.Text);
            }
        }

        if (matching.Count == 0)
        {
            return;
        }

        text.Append("; ").Append(clause);
        for (var i = 0; i < matching.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == matching.Count - 1 ? " and " : ", ");
            }

            text.Append(matching[i]);
        }
    }

    private static string Article(string phrase) => phrase.Length > 0 && "aeiou".IndexOf(char.ToLowerInvariant(phrase[0])) >= 0 ? "an" : "a";
}
