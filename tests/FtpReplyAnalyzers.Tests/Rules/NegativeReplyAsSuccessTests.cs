using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.NegativeReplyAsSuccess>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class NegativeReplyAsSuccessTests
{
    #region Reports

    [Theory]
    [InlineData("""
    bool Utf8(FtpWebResponse response)
    {
        if ({|#0:{|#1:response.StatusCode|} == FtpStatusCode.CommandNotImplemented|})
            {|#2:return true;|}
        return false;
    }
""", "Reply 502 (command not implemented) is a permanent negative reply, but this code treats it as success: FtpStatusCode.CommandNotImplemented is 502; did you mean FtpStatusCode.CommandExtraneous?")]
    [InlineData("""
    bool Done(FtpStatusCode status)
    {
        if ({|#1:status|} == FtpStatusCode.ClosingData || {|#0:status == FtpStatusCode.ConnectionClosed|})
            {|#2:return true;|}
        return false;
    }
""", "Reply 426 (connection closed; transfer aborted) is a transient negative reply, but this code treats it as success: FtpStatusCode.ConnectionClosed is 426; did you mean FtpStatusCode.ClosingData?")]
    [InlineData("""
    bool LoggedIn(FtpReply reply)
    {
        if ({|#1:reply.Code|} == "230" || {|#0:reply.Code == "530"|})
            {|#2:return true;|}
        return false;
    }
""", "Reply 530 (not logged in) is a permanent negative reply, but this code treats it as success")]
    [InlineData("""
    bool Stored(FtpReply reply) => {|#1:reply.Code|} switch
    {
        "226" or {|#0:"452"|} => {|#2:true|},
        _ => false,
    };
""", "Reply 452 (requested action not taken: insufficient storage space) is a transient negative reply, but this code treats it as success")]
    [InlineData("""
    FtpStatus Map()
    {
        int code = SendCommand("DELE a");
        switch ({|#1:code|})
        {
            case 250:
            {|#0:case 550:|}
                {|#2:return FtpStatus.Success;|}
            default:
                return FtpStatus.Failed;
        }
    }
""", "Reply 550 (requested action not taken; file unavailable) is a permanent negative reply to DELE, but this code treats it as success")]
    [InlineData("""
    bool Uploaded()
    {
        int code = SendCommand("STOR a");
        switch ({|#1:code|})
        {
            case 530:
            case 550:
            case 553:
                return false;
            default:
                {|#0:{|#2:return true;|}|}
        }
    }
""", "Replies 421, 425, 426, 450, 451 and 452 are transient negative replies to STOR, but this code treats them as success")]
    [InlineData("""
    bool Ok(FtpReply reply)
    {
        if ({|#1:reply.Code|} == "550")
            return false;
        if (reply.Code == "530")
            return false;
        {|#0:{|#2:return true;|}|}
    }
""", "Replies 421, 425, 426, 430, 431 and 450 are transient negative replies, but this code treats them as success")]
    [InlineData("""
    async Task<bool> DeleteAsync(AsyncFtpClient client)
    {
        var reply = await client.Execute("DELE a");
        if ({|#0:{|#1:reply.Type|} == FtpResponseType.TransientNegativeCompletion|})
            {|#2:return true;|}
        return reply.Success;
    }
""", "Replies 421 (service not available, closing control connection) and 450 (requested file action not taken; file unavailable) are transient negative replies to DELE, but this code treats them as success")]
    [InlineData("""
    bool Check(FtpStatusCode status) => {|#0:{|#1:status|} is FtpStatusCode.ActionNotTakenFileUnavailableOrBusy|} ? {|#2:true|} : false;
""", "Reply 450 (requested file action not taken; file unavailable) is a transient negative reply, but this code treats it as success")]
    [InlineData("""
    Task<bool> DoneAsync(FtpWebResponse response)
    {
        if ({|#0:(int){|#1:response.StatusCode|} == 426|})
            {|#2:return Task.FromResult(true);|}
        return Task.FromResult(false);
    }
""", "Reply 426 (connection closed; transfer aborted) is a transient negative reply, but this code treats it as success")]
    [InlineData("""
    Func<FtpReply, bool> Deleted = reply =>
    {
        if ({|#1:reply.Code|} == "250" || {|#0:reply.Code == "450"|})
            {|#2:return true;|}
        return false;
    };
""", "Reply 450 (requested file action not taken; file unavailable) is a transient negative reply, but this code treats it as success")]
    [InlineData("""
    bool Stored(string name)
    {
        int code = SendCommand("STOR " + name);
        {|#2:return {|#0:{|#1:code|} is 226 or 250 or 452|};|}
    }
""", "Reply 452 (requested action not taken: insufficient storage space) is a transient negative reply to STOR, but this code treats it as success")]
    [InlineData("""
    static bool Finished(FtpStatusCode status) => {|#2:{|#1:status|} == FtpStatusCode.ClosingData || {|#0:status == FtpStatusCode.ActionAbortedLocalProcessingError|}|};
""", "Reply 451 (requested action aborted: local error in processing) is a transient negative reply, but this code treats it as success")]
    [InlineData("""
    bool Uploaded(FtpClient client)
    {
        var reply = client.Execute("STOR a.txt");
        {|#2:return {|#1:reply.Code|} == "226" || {|#0:reply.Code == "426"|};|}
    }
""", "Reply 426 (connection closed; transfer aborted) is a transient negative reply to STOR, but this code treats it as success")]
    [InlineData("""
    bool Deleted(string name)
    {
        int code = SendCommand("DELE " + name);
        switch ({|#1:code|})
        {
            case 530:
            case 550:
                return false;
        }

        {|#0:{|#2:return true;|}|}
    }
""", "Replies 421, 450, 500, 501 and 502 are negative replies to DELE, but this code treats them as success")]
    [InlineData("""
    static readonly int[] Accepted = { 226, 426 };

    bool Stored(string name)
    {
        int code = SendCommand("STOR " + name);
        if ({|#0:Accepted.Contains({|#1:code|})|})
            {|#2:return true;|}
        return false;
    }
""", "Reply 426 (connection closed; transfer aborted) is a transient negative reply to STOR, but this code treats it as success")]
    [InlineData("""
    bool Stored(FtpClient client, string name)
    {
        var accepted = new System.Collections.Generic.HashSet<string> { "226", "250", "452" };
        var reply = client.Execute("STOR " + name);
        {|#2:return {|#0:accepted.Contains({|#1:reply.Code|})|};|}
    }
""", "Reply 452 (requested action not taken: insufficient storage space) is a transient negative reply to STOR, but this code treats it as success")]
    // A misleading member after a command the code names, though the catalog does not list 502 for ALLO.
    [InlineData("""
    bool Reserve(long bytes)
    {
        var status = (FtpStatusCode)SendCommand("ALLO " + bytes);
        if ({|#1:status|} == FtpStatusCode.CommandOK || {|#0:status == FtpStatusCode.CommandNotImplemented|})
            {|#2:return true;|}
        return false;
    }
""", "Reply 502 (command not implemented) is a permanent negative reply to ALLO, but this code treats it as success: FtpStatusCode.CommandNotImplemented is 502; did you mean FtpStatusCode.CommandExtraneous?")]
    // The project's own enum of reply codes, in a success test returned as the answer.
    [InlineData("""
    enum FtpReplyCode { ClosingData = 226, FileActionOk = 250, ActionAborted = 451 }

    bool Finished(FtpReplyCode c) => {|#2:{|#0:{|#1:c|} is FtpReplyCode.ClosingData or FtpReplyCode.FileActionOk or FtpReplyCode.ActionAborted|}|};
""", "Reply 451 (requested action aborted: local error in processing) is a transient negative reply, but this code treats it as success")]
    public async Task Negative_replies_on_success_paths_are_reported(string members, string message)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members), VerifyCS.Diagnostic(DiagnosticIds.NegativeReplyAsSuccess, message, 0, 1, 2));
    }

    #endregion

    #region Does not report

    [Fact]
    public async Task A_predicate_named_for_an_unhappy_reply_answers_true_for_the_negative_ones()
    {
        var members = """
    bool IsUnhappyResponse(int code)
    {
        if (code == 425 || code == 426 || code == 550)
            return true;
        return false;
    }
""";
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    [Theory]
    [InlineData("""
    bool Utf8(FtpWebResponse response)
    {
        if (response.StatusCode == FtpStatusCode.CommandExtraneous || response.StatusCode == FtpStatusCode.CommandOK)
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool Listed(FtpClient client)
    {
        var reply = client.Execute("NLST /empty");
        if (reply.Code == "450" || reply.Code == "550")
            return true;
        return reply.Success;
    }
""")]
    [InlineData("""
    bool Features(FtpClient client)
    {
        var reply = client.Execute("FEAT");
        if (reply.Code == "502")
            return true;
        return reply.Success;
    }
""")]
    [InlineData("""
    bool Ok(FtpReply reply) => reply.Code.StartsWith("2");
""")]
    [InlineData("""
    bool Ok()
    {
        int code = SendCommand("DELE a");
        switch (code)
        {
            case 250:
                return true;
            default:
                return false;
        }
    }
""")]
    [InlineData("""
    bool Failed(FtpReply reply)
    {
        if (reply.Code == "550")
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool Check(HttpWebResponse http)
    {
        if ((int)http.StatusCode == 426)
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool Aborted(FtpClient client)
    {
        var reply = client.Execute("ABOR");
        if (reply.Code == "426")
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool Removed(string name)
    {
        int code = SendCommand("RMD " + name);
        switch (code)
        {
            case 550:
                return false;
            default:
                if (code / 100 != 2)
                    throw new IOException("RMD failed: " + code);
                break;
        }

        return true;
    }

    static bool Present(int replyCode) => replyCode != 550;
    static bool IsTransient(int replyCode) => replyCode / 100 == 4;
    static bool Completed(int replyCode) => replyCode == 226 || replyCode == 250;
    bool Listed(FtpClient client) => client.Execute("NLST").Code is "226" or "450";
""")]
    public async Task Success_on_positive_replies_and_expected_negatives_is_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    #endregion
}
