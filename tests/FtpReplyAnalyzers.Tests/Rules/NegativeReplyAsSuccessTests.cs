using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.NegativeReplyAsSuccess>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class NegativeReplyAsSuccessTests
{
    [Theory]
    [InlineData("""
    bool Utf8(FtpWebResponse response)
    {
        if ({|FTPR0006:response.StatusCode == FtpStatusCode.CommandNotImplemented|})
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool Done(FtpStatusCode status)
    {
        if (status == FtpStatusCode.ClosingData || {|FTPR0006:status == FtpStatusCode.ConnectionClosed|})
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool LoggedIn(FtpReply reply)
    {
        if (reply.Code == "230" || {|FTPR0006:reply.Code == "530"|})
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool Stored(FtpReply reply) => reply.Code switch
    {
        "226" or {|FTPR0006:"452"|} => true,
        _ => false,
    };
""")]
    [InlineData("""
    FtpStatus Map()
    {
        int code = SendCommand("DELE a");
        switch (code)
        {
            case 250:
            {|FTPR0006:case 550:|}
                return FtpStatus.Success;
            default:
                return FtpStatus.Failed;
        }
    }
""")]
    [InlineData("""
    bool Uploaded()
    {
        int code = SendCommand("STOR a");
        switch (code)
        {
            case 530:
            case 550:
            case 553:
                return false;
            default:
                {|FTPR0006:return true;|}
        }
    }
""")]
    [InlineData("""
    bool Ok(FtpReply reply)
    {
        if (reply.Code == "550")
            return false;
        if (reply.Code == "530")
            return false;
        {|FTPR0006:return true;|}
    }
""")]
    [InlineData("""
    async Task<bool> DeleteAsync(AsyncFtpClient client)
    {
        var reply = await client.Execute("DELE a");
        if ({|FTPR0006:reply.Type == FtpResponseType.TransientNegativeCompletion|})
            return true;
        return reply.Success;
    }
""")]
    [InlineData("""
    bool Check(FtpStatusCode status) => {|FTPR0006:status is FtpStatusCode.ActionNotTakenFileUnavailableOrBusy|} ? true : false;
""")]
    [InlineData("""
    Task<bool> DoneAsync(FtpWebResponse response)
    {
        if ({|FTPR0006:(int)response.StatusCode == 426|})
            return Task.FromResult(true);
        return Task.FromResult(false);
    }
""")]
    public async Task Negative_replies_on_success_paths_are_reported(string members)
    {
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
    public async Task Success_on_positive_replies_and_expected_negatives_is_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }
}
