using System;
using System.Collections.Generic;

namespace FtpReplyAnalyzers.Catalog;

/// <summary>
/// The catalog of FTP reply codes: the single source of truth for every message, fix and doc page.
/// Lookups are array or dictionary reads and allocate nothing.
/// </summary>
public static class ReplyCatalog
{
    /// <summary>The lowest and highest values a reply code can take.</summary>
    public const int MinCode = 100, MaxCode = 699;

    private const ReplyHandling W = ReplyHandling.Wait, OK = ReplyHandling.Success, NEXT = ReplyHandling.Continue,
        R = ReplyHandling.Retry, RC = ReplyHandling.ReconnectThenRetry, SW = ReplyHandling.SwitchDataMode,
        REST = ReplyHandling.ResumeWithRest, NR = ReplyHandling.DoNotRetry, DEC = ReplyHandling.Decode;

    private static readonly ReplyCodeInfo[] AllCodes =
    {
        C(110, "959", "restart marker", "block or compressed mode transfers (MARK yyyy = mmmm)", W, "keep reading until the final reply, and keep the marker for REST"),
        C(120, "959", "service ready in nnn minutes", "greeting before 220", W, "wait for the 220 that follows"),
        C(125, "959", "data connection already open; transfer starting", "RETR, STOR, LIST", W, "keep reading until the final 226 or 250"),
        C(150, "959", "file status okay; about to open data connection", "RETR, STOR, LIST", W, "keep reading until the final 226 or 250"),
        C(200, "959", "command okay", "TYPE, PORT, PROT, PBSZ", OK, "treat it as success"),
        C(202, "959", "command not implemented, superfluous at this site", "ALLO, ACCT, OPTS UTF8 ON", OK, "treat it as success"),
        C(211, "959, 2389", "system status or help reply", "STAT without argument, FEAT", OK, "treat it as success"),
        C(212, "959", "directory status", "STAT on a directory", OK, "treat it as success"),
        C(213, "959, 3659", "file status", "STAT on a file, SIZE, MDTM", OK, "treat it as success"),
        C(214, "959", "help message", "HELP", OK, "treat it as success"),
        C(215, "959", "NAME system type", "SYST", OK, "treat it as success"),
        C(220, "959", "service ready for new user", "greeting, REIN", OK, "treat it as success"),
        C(221, "959", "service closing control connection", "QUIT", OK, "treat it as success"),
        C(225, "959", "data connection open; no transfer in progress", "ABOR with nothing to abort", OK, "treat it as success"),
        C(226, "959", "closing data connection; file action successful", "end of a transfer", OK, "treat it as success"),
        C(227, "959", "entering passive mode", "PASV", OK, "treat it as success"),
        C(228, "1639", "entering long passive mode", "LPSV", OK, "treat it as success"),
        C(229, "2428", "entering extended passive mode", "EPSV", OK, "treat it as success"),
        C(230, "959", "user logged in, proceed", "USER (no password needed) or PASS", OK, "treat it as success"),
        C(232, "2228", "user logged in, authorized by security data exchange", "USER after AUTH", OK, "treat it as success"),
        C(234, "2228, 4217", "security data exchange complete", "AUTH TLS", OK, "treat it as success"),
        C(235, "2228", "security data exchange completed successfully", "ADAT", OK, "treat it as success"),
        C(250, "959, 3659", "requested file action okay, completed", "CWD, DELE, RMD, RNTO, MLST; also a valid end of RETR and STOR", OK, "treat it as success"),
        C(257, "959", "pathname created", "MKD, PWD", OK, "treat it as success"),
        C(331, "959", "user name okay, need password", "USER", NEXT, "send PASS"),
        C(332, "959", "need account for login", "USER, PASS", NEXT, "send ACCT"),
        C(334, "2228", "security mechanism accepted, security data follows", "AUTH", NEXT, "send ADAT"),
        C(335, "2228", "more security data needed", "ADAT", NEXT, "send the next ADAT"),
        C(336, "2228", "user name okay, need password; challenge follows", "USER", NEXT, "send PASS"),
        C(350, "959, 3659", "requested file action pending further information", "RNFR, REST", NEXT, "send the next command of the sequence (RNTO, or RETR/STOR after REST)"),
        C(421, "959", "service not available, closing control connection", "idle timeout, too many users, shutdown; may answer any command", RC, "reconnect, then retry with a bounded backoff; never retry on the same connection"),
        C(425, "959", "can't open data connection", "firewall or NAT, TLS data channel", R | SW, "retry with a bounded backoff, switching the data-connection mode (EPSV/PASV/PORT)"),
        C(426, "959", "connection closed; transfer aborted", "data connection dropped mid-transfer; also expected after ABOR or an early close by the client", R | REST, "retry the transfer with a bounded backoff, resuming with REST"),
        C(430, "de facto", "invalid user name or password", "login on some servers", R, "retry with a small bound"),
        C(431, "2228", "need some unavailable resource to process security", "AUTH", R, "retry later with a bounded backoff"),
        C(450, "959", "requested file action not taken; file unavailable", "file busy or locked; some servers answer an empty NLST/LIST this way", R, "retry with a bounded backoff"),
        C(451, "959", "requested action aborted: local error in processing", "server I/O error", R | REST, "retry with a bounded backoff, resuming transfers with REST"),
        C(452, "959", "requested action not taken: insufficient storage space", "STOR", R, "retry later with a bounded backoff"),
        C(500, "959", "syntax error, command unrecognized", "unknown command; FEAT or OPTS on old servers (means not supported)", NR, "do not retry it unchanged"),
        C(501, "959", "syntax error in parameters or arguments", "bad argument", NR, "do not retry it unchanged; fix the arguments"),
        C(502, "959", "command not implemented", "FEAT, EPSV unsupported (fall back to PASV)", NR, "do not retry it unchanged; use another command"),
        C(503, "959", "bad sequence of commands", "RNTO without RNFR", NR, "do not retry it unchanged; restart the sequence"),
        C(504, "959", "command not implemented for that parameter", "TYPE, MODE, AUTH, LANG", NR, "do not retry it unchanged; use another parameter"),
        C(521, "4217", "data connection cannot be opened with this PROT setting", "FTPS server requires PROT P", NR, "send PBSZ 0 and PROT P, then redo the command"),
        C(522, "2428, 4217", "network protocol not supported", "EPRT, EPSV; TLS negotiation on the data channel failed", NR | SW, "do not retry it unchanged; switch the data-connection mode"),
        C(530, "959", "not logged in", "bad credentials", NR, "do not retry it unchanged; fix the credentials"),
        C(532, "959", "need account for storing files", "STOR", NEXT, "send ACCT, then redo the command"),
        C(533, "2228", "command protection level denied for policy reasons", "CCC, clear-text command", NR, "do not retry it unchanged"),
        C(534, "2228", "request denied for policy reasons", "AUTH or USER when TLS is required", NR, "do not retry it unchanged; switch to FTPS"),
        C(535, "2228", "failed security check", "MIC, ENC", NR, "do not retry it unchanged"),
        C(536, "2228", "requested PROT level not supported by mechanism", "PROT", NR, "do not retry it unchanged; pick another protection level"),
        C(537, "2228", "command protection level not supported by security mechanism", "MIC, CONF, ENC", NR, "do not retry it unchanged"),
        C(550, "959, 3659", "requested action not taken; file unavailable", "RETR, DELE, SIZE, MDTM (not found, no access); some servers answer an empty NLST this way", NR, "do not retry it unchanged"),
        C(551, "959", "requested action aborted: page type unknown", "page structure transfers", NR, "do not retry it unchanged"),
        C(552, "959", "requested file action aborted: exceeded storage allocation", "STOR", NR, "do not retry it unchanged"),
        C(553, "959", "requested action not taken: file name not allowed", "STOR, MKD", NR, "do not retry it unchanged; change the file name"),
        C(554, "1123", "requested action not taken: invalid REST parameter", "RETR or STOR after a REST the server cannot honour", NR, "restart the transfer without REST"),
        C(631, "2228", "integrity protected reply", "after AUTH GSSAPI", DEC, "decode the reply, then classify the inner reply"),
        C(632, "2228", "confidentiality and integrity protected reply", "after AUTH GSSAPI", DEC, "decode the reply, then classify the inner reply"),
        C(633, "2228", "confidentiality protected reply", "after AUTH GSSAPI", DEC, "decode the reply, then classify the inner reply"),
    };

    private static readonly CategoryRule[] AllRules =
    {
        new(ReplyCategory.PositivePreliminary, "Positive Preliminary", "another reply follows: keep reading until a final (2-5) reply", "wait for the final reply; never treat it as done or failed"),
        new(ReplyCategory.PositiveCompletion, "Positive Completion", "the command succeeded, whatever the second digit (202, 211, 212, 213 are successes)", "treat it as success"),
        new(ReplyCategory.PositiveIntermediate, "Positive Intermediate", "send the next command of the sequence (PASS after USER, RNTO after RNFR, RETR after REST)", "continue the sequence"),
        new(ReplyCategory.TransientNegativeCompletion, "Transient Negative Completion", "temporary: the action may be requested again, from the beginning of the command sequence", "retry with a bound and a backoff"),
        new(ReplyCategory.PermanentNegativeCompletion, "Permanent Negative Completion", "the client is discouraged from repeating the exact request", "do not retry unchanged; fail or change the request"),
        new(ReplyCategory.Protected, "Protected", "the reply text is an encoded reply (MIC, CONF or ENC)", "decode, then classify the inner reply"),
    };

    private static readonly CommandReplies[] AllCommands =
    {
        Cmd("greeting", new[] { 120, 220 }, new[] { 421 }),
        Cmd("USER", new[] { 230, 331, 332, 232, 336 }, new[] { 421, 500, 501, 530 }),
        Cmd("PASS", new[] { 230, 202, 332 }, new[] { 421, 500, 501, 503, 530 }),
        Cmd("ACCT", new[] { 230, 202 }, new[] { 421, 500, 501, 503, 530 }),
        Cmd("CWD", new[] { 250 }, new[] { 421, 500, 501, 502, 530, 550 }),
        Cmd("CDUP", new[] { 250, 200 }, new[] { 421, 500, 501, 502, 530, 550 }),
        Cmd("RETR", new[] { 125, 150, 110, 226, 250 }, new[] { 421, 425, 426, 450, 451, 500, 501, 530, 550 }),
        Cmd("STOR", new[] { 125, 150, 110, 226, 250 }, new[] { 421, 425, 426, 450, 451, 452, 500, 501, 530, 532, 551, 552, 553 }),
        Cmd("STOU", new[] { 125, 150, 110, 226, 250 }, new[] { 421, 425, 426, 450, 451, 452, 500, 501, 530, 532, 551, 552, 553 }),
        Cmd("APPE", new[] { 125, 150, 110, 226, 250 }, new[] { 421, 425, 426, 450, 451, 452, 500, 501, 530, 532, 551, 552, 553 }),
        Cmd("LIST", new[] { 125, 150, 226, 250 }, new[] { 421, 425, 426, 450, 451, 500, 501, 502, 530 }),
        Cmd("NLST", new[] { 125, 150, 226, 250 }, new[] { 421, 425, 426, 450, 451, 500, 501, 502, 530 }),
        Cmd("MLSD", new[] { 125, 150, 226, 250 }, new[] { 421, 425, 426, 450, 451, 500, 501, 502, 530 }),
        Cmd("REST", new[] { 350 }, new[] { 421, 500, 501, 502, 530 }),
        Cmd("RNFR", new[] { 350 }, new[] { 421, 450, 500, 501, 502, 530, 550 }),
        Cmd("RNTO", new[] { 250 }, new[] { 421, 500, 501, 502, 503, 530, 532, 553 }),
        Cmd("DELE", new[] { 250 }, new[] { 421, 450, 500, 501, 502, 530, 550 }),
        Cmd("RMD", new[] { 250 }, new[] { 421, 450, 500, 501, 502, 530, 550 }),
        Cmd("MKD", new[] { 257 }, new[] { 421, 500, 501, 502, 530, 550 }),
        Cmd("PWD", new[] { 257 }, new[] { 421, 500, 501, 502, 530, 550 }),
        Cmd("STAT", new[] { 211, 212, 213 }, new[] { 421, 450, 500, 501, 502, 530 }),
        Cmd("SIZE", new[] { 213 }, new[] { 500, 501, 550 }),
        Cmd("MDTM", new[] { 213 }, new[] { 500, 501, 550 }),
        Cmd("MLST", new[] { 250 }, new[] { 500, 501, 550 }),
        Cmd("FEAT", new[] { 211 }, new[] { 500, 502 }),
        Cmd("SYST", new[] { 215 }, new[] { 421, 500, 501, 502 }),
        Cmd("HELP", new[] { 211, 214 }, new[] { 421, 500, 501, 502 }),
        Cmd("NOOP", new[] { 200 }, new[] { 421, 500 }),
        Cmd("ABOR", new[] { 225, 226 }, new[] { 426, 421, 500, 501, 502 }),
        Cmd("QUIT", new[] { 221 }, new[] { 500 }),
        Cmd("PASV", new[] { 227 }, new[] { 421, 500, 501, 502, 530 }),
        Cmd("EPSV", new[] { 229 }, new[] { 421, 500, 501, 502, 530, 522 }),
        Cmd("PORT", new[] { 200 }, new[] { 421, 500, 501, 530 }),
        Cmd("EPRT", new[] { 200 }, new[] { 421, 500, 501, 530, 522 }),
        Cmd("AUTH", new[] { 234, 334 }, new[] { 431, 500, 502, 504, 534 }),
        Cmd("PBSZ", new[] { 200 }, new[] { 503, 504, 534, 536 }),
        Cmd("PROT", new[] { 200 }, new[] { 503, 504, 534, 536 }),
        Cmd("OPTS", new[] { 200, 202 }, new[] { 451, 500, 501, 502 }),
        Cmd("TYPE", new[] { 200 }, new[] { 421, 500, 501, 504, 530 }),
        Cmd("MODE", new[] { 200 }, new[] { 421, 500, 501, 504, 530 }),
        Cmd("STRU", new[] { 200 }, new[] { 421, 500, 501, 504, 530 }),
        Cmd("ALLO", new[] { 200, 202 }, new[] { 421, 500, 501, 504, 530 }),
        // 202 to SITE: the site command is not implemented (not done), unlike 202 to ALLO or ACCT (not needed).
        Cmd("SITE", new[] { 200 }, new[] { 500, 501, 530 }),
        Cmd("REIN", new[] { 120, 220 }, new[] { 421, 500, 502 }),
        Cmd("SMNT", new[] { 202, 250 }, new[] { 421, 500, 501, 502, 530, 550 }),
        Cmd("MFMT", new[] { 213 }, new[] { 500, 501, 550 }),
        Cmd("HOST", new[] { 220 }, new[] { 421, 500, 501, 502, 504, 530 }),
        Cmd("CCC", new[] { 200 }, new[] { 500, 533, 534 }),
        Cmd("ADAT", new[] { 235, 335 }, new[] { 500, 501, 503, 535 }),
    };

    /// <summary>Numbers seen on FTP code lists that are Winsock errors, not FTP replies.</summary>
    private static readonly KeyValuePair<int, string>[] WinsockNumbers =
    {
        new(10054, "WSAECONNRESET: connection reset by peer"),
        new(10060, "WSAETIMEDOUT: connection timed out"),
        new(10061, "WSAECONNREFUSED: connection refused"),
        new(10066, "WSAENOTEMPTY: directory not empty"),
        new(10068, "WSAEUSERS: too many users"),
    };

    private static readonly ExpectedNegative[] AllExpectedNegatives =
    {
        new("ABOR", new[] { 426 }, "426 is the expected answer for the transfer the client itself aborted"),
        new("NLST", new[] { 450, 550 }, "some servers answer an empty directory listing with 450 or 550"),
        new("LIST", new[] { 450, 550 }, "some servers answer an empty directory listing with 450 or 550"),
        new("MLSD", new[] { 450, 550 }, "some servers answer an empty directory listing with 450 or 550"),
        new("FEAT", new[] { 500, 502 }, "500 or 502 to an optional command means \"not supported\", not an error"),
        new("OPTS", new[] { 500, 502 }, "500 or 502 to an optional command means \"not supported\", not an error"),
        new("EPSV", new[] { 500, 502, 522 }, "the client falls back to PASV"),
        new("EPRT", new[] { 500, 502, 522 }, "the client falls back to PORT"),
    };

    private static readonly ReplyCodeInfo?[] ByCode = BuildIndex();
    private static readonly Dictionary<string, CommandReplies> ByCommand = BuildCommandIndex();

    /// <summary>Every reply code of the catalog, in ascending order.</summary>
    public static IReadOnlyList<ReplyCodeInfo> Codes => AllCodes;

    /// <summary>The six category rules, 1xx to 6xx.</summary>
    public static IReadOnlyList<CategoryRule> CategoryRules => AllRules;

    /// <summary>The replies each command may get.</summary>
    public static IReadOnlyList<CommandReplies> Commands => AllCommands;

    /// <summary>Numbers that look like reply codes but are Winsock errors.</summary>
    public static IReadOnlyList<KeyValuePair<int, string>> NotFtpReplies => WinsockNumbers;

    /// <summary>The places where a negative reply is expected, not a failure.</summary>
    public static IReadOnlyList<ExpectedNegative> ExpectedNegatives => AllExpectedNegatives;

    /// <summary>True when <paramref name="code"/> answering <paramref name="verb"/> is an expected negative reply.</summary>
    public static bool IsExpectedNegative(string? verb, int code)
    {
        if (verb is null)
        {
            return false;
        }

        foreach (var expected in AllExpectedNegatives)
        {
            if (string.Equals(expected.Command, verb, StringComparison.OrdinalIgnoreCase) && expected.Contains(code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="code"/> is among the replies the catalog lists for <paramref name="verb"/>, or the
    /// command is unknown (then any reply may answer it).
    /// </summary>
    public static bool MayAnswer(string? verb, int code)
    {
        if (FindCommand(verb) is not { } replies)
        {
            return true;
        }

        return replies.IsPositive(code) || System.Linq.Enumerable.Contains(replies.Negative, code);
    }

    /// <summary>The catalog entry of <paramref name="code"/>, or null when no RFC defines it.</summary>
    public static ReplyCodeInfo? Find(int code) => code is >= MinCode and <= MaxCode ? ByCode[code - MinCode] : null;

    /// <summary>True when <paramref name="code"/> is a defined reply code.</summary>
    public static bool IsDefined(int code) => Find(code) is not null;

    /// <summary>The category of any three-digit value (by first digit), <see cref="ReplyCategory.None"/> outside 100-699.</summary>
    public static ReplyCategory CategoryOf(int code) => code is >= MinCode and <= MaxCode ? (ReplyCategory)(code / 100) : ReplyCategory.None;

    /// <summary>The rule of a category.</summary>
    public static CategoryRule RuleOf(ReplyCategory category) => AllRules[(int)category - 1];

    /// <summary>The replies of a command verb (case-insensitive), or null.</summary>
    public static CommandReplies? FindCommand(string? verb)
    {
        if (verb is null)
        {
            return null;
        }

        return ByCommand.TryGetValue(verb, out var replies) ? replies : null;
    }

    /// <summary>The replies of the command verb that is the first <paramref name="length"/> characters of <paramref name="text"/> (case-insensitive), or null.</summary>
    public static CommandReplies? FindCommand(string text, int length)
    {
        foreach (var command in AllCommands)
        {
            if (command.Command.Length == length && string.Compare(command.Command, 0, text, 0, length, System.StringComparison.OrdinalIgnoreCase) == 0)
            {
                return command;
            }
        }

        return null;
    }

    private static ReplyCodeInfo C(int code, string source, string meaning, string situation, ReplyHandling handling, string advice)
        => new(code, source, meaning, situation, handling, advice);

    private static CommandReplies Cmd(string command, int[] positive, int[] negative) => new(command, positive, negative);

    private static ReplyCodeInfo?[] BuildIndex()
    {
        var index = new ReplyCodeInfo?[MaxCode - MinCode + 1];
        foreach (var info in AllCodes)
        {
            index[info.Code - MinCode] = info;
        }

        return index;
    }

    private static Dictionary<string, CommandReplies> BuildCommandIndex()
    {
        var index = new Dictionary<string, CommandReplies>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in AllCommands)
        {
            index[command.Command] = command;
        }

        return index;
    }
}
