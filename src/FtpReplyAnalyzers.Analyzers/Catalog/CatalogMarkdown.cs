using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FtpReplyAnalyzers.Catalog;

/// <summary>Renders the catalog as the docs page docs/catalog.md.</summary>
public static class CatalogMarkdown
{
    private static readonly KeyValuePair<ReplyHandling, string>[] HandlingNames =
    {
        new(ReplyHandling.Wait, "wait for the final reply"),
        new(ReplyHandling.Success, "success"),
        new(ReplyHandling.Continue, "continue the sequence"),
        new(ReplyHandling.Retry, "retry with backoff"),
        new(ReplyHandling.ReconnectThenRetry, "reconnect, then retry"),
        new(ReplyHandling.SwitchDataMode, "switch data-connection mode"),
        new(ReplyHandling.ResumeWithRest, "resume with REST"),
        new(ReplyHandling.DoNotRetry, "do not retry unchanged"),
        new(ReplyHandling.Decode, "decode, then classify"),
    };

    /// <summary>The whole page, with "\n" line ends.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# The FTP reply catalog\n\n");
        text.Append("Every diagnostic, message and code fix of FtpReplyAnalyzers follows this catalog. It is generated from\n");
        text.Append("`src/FtpReplyAnalyzers.Analyzers/Catalog/ReplyCatalog.cs`; do not edit it by hand (see the end of the page).\n\n");
        text.Append("## Which do I retry? The category rules\n\n");
        text.Append("The first digit decides (RFC 959 section 4.2.1):\n\n");
        text.Append("| category | name | what the client must do | what a fix does |\n|---|---|---|---|\n");
        foreach (var rule in ReplyCatalog.CategoryRules)
        {
            text.Append("| ").Append(rule.Digit).Append(" | ").Append(rule.Name).Append(" | ").Append(rule.ClientAction).Append(" | ").Append(rule.FixRule).Append(" |\n");
        }

        text.Append("\nSo 212 (a 2xx) is a success to take as it is, and 426 (a 4xx) a failure to retry with a bound and a backoff.\n");
        text.Append("\n## Reply codes\n\n");
        text.Append("| code | category | meaning | when you see it | what to do | handling | source (RFC) |\n|---|---|---|---|---|---|---|\n");
        foreach (var info in ReplyCatalog.Codes)
        {
            text.Append("| ").Append(info.Text)
                .Append(" | ").Append(ReplyCatalog.RuleOf(info.Category).Digit).Append(' ').Append(ReplyCatalog.RuleOf(info.Category).Name)
                .Append(" | ").Append(info.Meaning)
                .Append(" | ").Append(info.Situation)
                .Append(" | ").Append(info.Advice)
                .Append(" | ").Append(Handling(info.Handling))
                .Append(" | ").Append(info.Source)
                .Append(" |\n");
        }

        text.Append("\n## Replies per command\n\n");
        text.Append("| command | positive replies | common negative replies |\n|---|---|---|\n");
        foreach (var command in ReplyCatalog.Commands)
        {
            text.Append("| ").Append(command.Command).Append(" | ").Append(Join(command.Positive)).Append(" | ").Append(Join(command.Negative)).Append(" |\n");
        }

        text.Append("\n## Negative replies that are expected\n\n");
        text.Append("| command | replies | why it is no failure |\n|---|---|---|\n");
        foreach (var expected in ReplyCatalog.ExpectedNegatives)
        {
            text.Append("| ").Append(expected.Command).Append(" | ").Append(Join(expected.Codes)).Append(" | ").Append(expected.Reason).Append(" |\n");
        }

        text.Append("\n## Numbers that are not FTP replies\n\n");
        text.Append("Winsock error numbers appear in IIS FTP logs and on code lists; in .NET they are `SocketException.SocketErrorCode`.\n\n");
        text.Append("| number | Winsock error |\n|---|---|\n");
        foreach (var winsock in ReplyCatalog.NotFtpReplies)
        {
            text.Append("| ").Append(winsock.Key.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(winsock.Value).Append(" |\n");
        }

        text.Append("\n## Regenerate this page\n\n");
        text.Append("```sh\ndotnet run --project tools/FtpReplyAnalyzers.DocGen\n```\n");
        return text.ToString();
    }

    private static string Handling(ReplyHandling handling)
    {
        var parts = new List<string>();
        foreach (var pair in HandlingNames)
        {
            if ((handling & pair.Key) != 0)
            {
                parts.Add(pair.Value);
            }
        }

        return string.Join("; ", parts);
    }

    private static string Join(IReadOnlyList<int> codes)
    {
        var parts = new string[codes.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            parts[i] = codes[i].ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(", ", parts);
    }
}
