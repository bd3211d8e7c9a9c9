using System.Collections.Generic;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Recognition;

namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>Reply code sets written as ranges ("400-499, 550"), and assertions that show them so when they differ.</summary>
internal static class Codes
{
    /// <summary>The set as its runs of consecutive values, ascending: "100-399, 421".</summary>
    public static string Describe(ReplyCodeSet set)
    {
        var runs = new List<string>();
        for (var code = ReplyCatalog.MinCode; code <= ReplyCatalog.MaxCode; code++)
        {
            if (!set.Contains(code))
            {
                continue;
            }

            var last = code;
            while (last + 1 <= ReplyCatalog.MaxCode && set.Contains(last + 1))
            {
                last++;
            }

            runs.Add(last == code ? code.ToString() : $"{code}-{last}");
            code = last;
        }

        return runs.Count == 0 ? "(none)" : string.Join(", ", runs);
    }

    /// <summary>Asserts the set equals <paramref name="expected"/>, showing both as ranges.</summary>
    public static void Equal(ReplyCodeSet expected, ReplyCodeSet actual) => Assert.Equal(Describe(expected), Describe(actual));

    /// <summary>Asserts the selection's Must and May sets.</summary>
    public static void Selects(Selection selection, ReplyCodeSet must, ReplyCodeSet may)
    {
        Assert.Equal("must " + Describe(must) + " / may " + Describe(may), "must " + Describe(selection.Must) + " / may " + Describe(selection.May));
    }

    /// <summary>Asserts a selection that tests a reply and surely selects exactly <paramref name="codes"/>.</summary>
    public static void SelectsExactly(Selection selection, ReplyCodeSet codes)
    {
        Assert.True(selection.TestsReply, "the condition tests no reply");
        Selects(selection, codes, codes);
    }

    public static ReplyCodeSet Of(params int[] codes) => ReplyCodeSet.Of(codes);

    public static ReplyCodeSet Range(int low, int high) => ReplyCodeSet.Range(low, high);
}
