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

    // Subjects made so far, by their codes, phrase and command: reports repeat the same few.
    private static readonly BoundedCache<SubjectKey, string> Subjects = new();

    /// <summary>"Reply 426 (connection closed; transfer aborted) is a transient 4xx reply" and its plural forms.</summary>
    public static string Subject(IReadOnlyList<ReplyCodeInfo> codes, string categoryPhrase, string? command)
    {
        // Lists in ascending order (as the catalog's sets give them) are kept by their set; any other order is written out.
        var set = ReplyCodeSet.Empty;
        for (var i = 0; i < codes.Count; i++)
        {
            if (i > 0 && codes[i].Code <= codes[i - 1].Code)
            {
                return WriteSubject(codes, categoryPhrase, command);
            }

            set = set.Union(ReplyCodeSet.Single(codes[i].Code));
        }

        var key = new SubjectKey(set, categoryPhrase, command);
        return Subjects.TryGet(key, out var subject) ? subject : Subjects.Keep(key, WriteSubject(codes, categoryPhrase, command));
    }

    private static string WriteSubject(IReadOnlyList<ReplyCodeInfo> codes, string categoryPhrase, string? command)
    {
        var text = new StringBuilder();
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

        var text = new StringBuilder(ReplyCatalog.RuleOf(ReplyCategory.TransientNegativeCompletion).FixRule);
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

    private readonly struct SubjectKey : IEquatable<SubjectKey>
    {
        public SubjectKey(ReplyCodeSet codes, string phrase, string? command)
        {
            Codes = codes;
            Phrase = phrase;
            Command = command;
        }

        public ReplyCodeSet Codes { get; }

        public string Phrase { get; }

        public string? Command { get; }

        public bool Equals(SubjectKey other)
            => Codes.Equals(other.Codes) && string.Equals(Phrase, other.Phrase, StringComparison.Ordinal) && string.Equals(Command, other.Command, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is SubjectKey other && Equals(other);

        public override int GetHashCode()
            => (((Codes.GetHashCode() * 31) + StringComparer.Ordinal.GetHashCode(Phrase)) * 31) + (Command is null ? 0 : StringComparer.Ordinal.GetHashCode(Command));
    }
}
