using System.Linq;
using FtpReplyAnalyzers.Catalog;

namespace FtpReplyAnalyzers.Tests.Catalog;

public class ReplyCatalogTests
{
    // The reply codes of the reference table (RFC 959, 1123, 1639, 2228, 2389, 2428, 3659, 4217, and 430 de facto).
    private static readonly int[] ReferenceCodes =
    {
        110, 120, 125, 150,
        200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227, 228, 229, 230, 232, 234, 235, 250, 257,
        331, 332, 334, 335, 336, 350,
        421, 425, 426, 430, 431, 450, 451, 452,
        500, 501, 502, 503, 504, 521, 522, 530, 532, 533, 534, 535, 536, 537, 550, 551, 552, 553, 554,
        631, 632, 633,
    };

    private static readonly string[] ReferenceCommands =
    {
        "greeting", "USER", "PASS", "ACCT", "CWD", "CDUP", "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD", "REST", "RNFR", "RNTO",
        "DELE", "RMD", "MKD", "PWD", "STAT", "SIZE", "MDTM", "MLST", "FEAT", "SYST", "HELP", "NOOP", "ABOR", "QUIT", "PASV", "EPSV", "PORT",
        "EPRT", "AUTH", "PBSZ", "PROT", "OPTS",

        // Beyond the reference's table, from RFC 959 (TYPE, MODE, STRU, ALLO, SITE, REIN, SMNT), RFC 3659 drafts
        // (MFMT), RFC 7151 (HOST), RFC 4217 (CCC) and RFC 2228 (ADAT): commands real clients send, so that a reply is
        // attributed to them and not to an earlier command.
        "TYPE", "MODE", "STRU", "ALLO", "SITE", "REIN", "SMNT", "MFMT", "HOST", "CCC", "ADAT",
    };

    [Fact]
    public void Every_reference_code_is_in_the_catalog_and_nothing_else()
    {
        Assert.Equal(ReferenceCodes, ReplyCatalog.Codes.Select(c => c.Code).ToArray());
    }

    [Fact]
    public void Category_and_group_follow_the_digits()
    {
        foreach (var info in ReplyCatalog.Codes)
        {
            Assert.Equal(info.Code / 100, (int)info.Category);
            Assert.Equal(info.Code / 10 % 10, (int)info.Group);
            Assert.Equal(info.Category, ReplyCatalog.CategoryOf(info.Code));
            Assert.False(string.IsNullOrWhiteSpace(info.Meaning));
            Assert.False(string.IsNullOrWhiteSpace(info.Situation));
            Assert.False(string.IsNullOrWhiteSpace(info.Advice));
            Assert.False(string.IsNullOrWhiteSpace(info.Source));
            Assert.NotEqual(ReplyHandling.None, info.Handling);
        }
    }

    [Fact]
    public void Handling_agrees_with_the_category_rules()
    {
        foreach (var info in ReplyCatalog.Codes)
        {
            var expected = info.Category switch
            {
                ReplyCategory.PositivePreliminary => ReplyHandling.Wait,
                ReplyCategory.PositiveCompletion => ReplyHandling.Success,
                ReplyCategory.PositiveIntermediate => ReplyHandling.Continue,
                ReplyCategory.TransientNegativeCompletion => ReplyHandling.Retry | ReplyHandling.ReconnectThenRetry,
                ReplyCategory.PermanentNegativeCompletion => ReplyHandling.DoNotRetry | ReplyHandling.Continue,
                ReplyCategory.Protected => ReplyHandling.Decode,
                _ => ReplyHandling.None,
            };
            Assert.True((info.Handling & expected) != 0, $"{info.Code} has handling {info.Handling}");
        }
    }

    [Fact]
    public void Every_reference_command_row_is_present()
    {
        Assert.Equal(ReferenceCommands, ReplyCatalog.Commands.Select(c => c.Command).ToArray());
        foreach (var command in ReplyCatalog.Commands)
        {
            Assert.NotEmpty(command.Positive);
            Assert.All(command.Positive.Concat(command.Negative), code => Assert.True(ReplyCatalog.IsDefined(code), $"{command.Command}: {code}"));
        }
    }

    [Fact]
    public void Six_category_rules_in_digit_order()
    {
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, ReplyCatalog.CategoryRules.Select(r => (int)r.Category).ToArray());
        Assert.Equal("4xx", ReplyCatalog.RuleOf(ReplyCategory.TransientNegativeCompletion).Digit);
        Assert.Contains("retry", ReplyCatalog.RuleOf(ReplyCategory.TransientNegativeCompletion).FixRule);
        Assert.Contains("do not retry", ReplyCatalog.RuleOf(ReplyCategory.PermanentNegativeCompletion).FixRule);
    }

    [Fact]
    public void Exact_entries()
    {
        var e212 = ReplyCatalog.Find(212)!;
        Assert.Equal(ReplyCategory.PositiveCompletion, e212.Category);
        Assert.Equal("directory status", e212.Meaning);
        Assert.Equal(ReplyHandling.Success, e212.Handling);

        var e426 = ReplyCatalog.Find(426)!;
        Assert.Equal(ReplyCategory.TransientNegativeCompletion, e426.Category);
        Assert.Equal(ReplyGroup.Connections, e426.Group);
        Assert.Equal("connection closed; transfer aborted", e426.Meaning);
        Assert.Equal(ReplyHandling.Retry | ReplyHandling.ResumeWithRest, e426.Handling);

        var e421 = ReplyCatalog.Find(421)!;
        Assert.Equal(ReplyHandling.ReconnectThenRetry, e421.Handling);
        Assert.Contains("reconnect", e421.Advice);

        var e202 = ReplyCatalog.Find(202)!;
        Assert.Equal(ReplyCategory.PositiveCompletion, e202.Category);
        Assert.Equal(ReplyHandling.Success, e202.Handling);

        var e502 = ReplyCatalog.Find(502)!;
        Assert.Equal(ReplyCategory.PermanentNegativeCompletion, e502.Category);
        Assert.Equal(ReplyHandling.DoNotRetry, e502.Handling);
        Assert.Equal("command not implemented", e502.Meaning);
    }

    [Fact]
    public void Per_command_lookups()
    {
        Assert.True(ReplyCatalog.FindCommand("stat")!.IsPositive(212));
        Assert.True(ReplyCatalog.FindCommand("RETR")!.IsPositive(250));
        Assert.True(ReplyCatalog.FindCommand("USER")!.IsPositive(230));
        Assert.True(ReplyCatalog.FindCommand("USER")!.IsPositive(331));
        Assert.False(ReplyCatalog.FindCommand("RETR")!.IsPositive(426));
        Assert.Null(ReplyCatalog.FindCommand("XYZZY"));
        Assert.Null(ReplyCatalog.FindCommand(null));
    }

    [Fact]
    public void Undefined_numbers_and_winsock_errors_are_not_replies()
    {
        Assert.Null(ReplyCatalog.Find(462));
        Assert.Null(ReplyCatalog.Find(99));
        Assert.Null(ReplyCatalog.Find(10054));
        Assert.Equal(ReplyCategory.None, ReplyCatalog.CategoryOf(10054));
        Assert.Equal(new[] { 10054, 10060, 10061, 10066, 10068 }, ReplyCatalog.NotFtpReplies.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void Expected_negatives()
    {
        Assert.True(ReplyCatalog.IsExpectedNegative("ABOR", 426));
        Assert.True(ReplyCatalog.IsExpectedNegative("nlst", 450));
        Assert.True(ReplyCatalog.IsExpectedNegative("LIST", 550));
        Assert.True(ReplyCatalog.IsExpectedNegative("FEAT", 502));
        Assert.True(ReplyCatalog.IsExpectedNegative("EPSV", 522));
        Assert.False(ReplyCatalog.IsExpectedNegative("RETR", 426));
        Assert.False(ReplyCatalog.IsExpectedNegative(null, 426));
    }

    [Fact]
    public void Code_sets_follow_set_algebra()
    {
        var transient = ReplyCodeSet.OfCategory(4);
        Assert.True(transient.Contains(426));
        Assert.False(transient.Contains(526));
        Assert.Equal(8, transient.DefinedCount());
        Assert.True(transient.Complement().Contains(226));
        Assert.False(transient.Complement().Contains(450));
        Assert.True(ReplyCodeSet.Range(0, 150).Contains(100));
        Assert.True(ReplyCodeSet.Single(426).Union(ReplyCodeSet.Single(421)).IsSupersetOf(ReplyCodeSet.Single(421)));
        Assert.True(ReplyCodeSet.Empty.IsEmpty);
        Assert.Equal("421, 425, 426, 430, 431, 450, 451, 452", transient.ToString());
    }
}
