using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.PreliminaryReplyAsFinal>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class PreliminaryReplyAsFinalTests
{
    [Theory]
    [InlineData("""
    bool Download(FtpWebResponse response)
    {
        if ({|FTPR0004:response.StatusCode == FtpStatusCode.OpeningData|})
            return true;
        return false;
    }
""")]
    [InlineData("""
    void Finish(FtpWebResponse response)
    {
        if ({|FTPR0004:response.StatusCode == FtpStatusCode.DataAlreadyOpen|})
        {
            response.Close();
        }
    }
""")]
    [InlineData("""
    bool Ready()
    {
        int code = SendCommand("NOOP");
        if ({|FTPR0004:code == 120|} || code == 220)
            return true;
        return false;
    }
""")]
    [InlineData("""
    void Check(FtpReply reply)
    {
        if ({|FTPR0004:reply.Code == "150"|})
            throw new IOException("unexpected reply " + reply.Code);
    }
""")]
    [InlineData("""
    FtpStatus Map(FtpReply reply) => reply.Code switch
    {
        {|FTPR0004:"150"|} => FtpStatus.Success,
        "226" => FtpStatus.Success,
        _ => FtpStatus.Failed,
    };
""")]
    [InlineData("""
    bool Done(FtpReply reply)
    {
        switch (reply.Code)
        {
            {|FTPR0004:case "125":|}
            case "226":
                return true;
            default:
                return false;
        }
    }
""")]
    [InlineData("""
    async Task<bool> StoreAsync(AsyncFtpClient client)
    {
        var reply = await client.Execute("STOR a.txt");
        if ({|FTPR0004:reply.Type == FtpResponseType.PositivePreliminary|})
            return true;
        return reply.Success;
    }
""")]
    [InlineData("""
    bool Transferred()
    {
        int code = SendCommand("RETR big.iso");
        if ({|FTPR0004:code == 110|})
            return true;
        return false;
    }
""")]
    [InlineData("""
    void Check(FtpStatusCode status)
    {
        if ({|FTPR0004:status is FtpStatusCode.OpeningData or FtpStatusCode.DataAlreadyOpen|})
            throw new InvalidOperationException("still transferring");
    }
""")]
    [InlineData("""
    bool Ok(int code) => code switch
    {
        226 or 250 => true,
        {|FTPR0004:150|} => true,
        _ => false,
    };

    void Use() { Ok(SendCommand("RETR a")); }
""")]
    public async Task Preliminary_replies_taken_as_final_are_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    [Theory]
    [InlineData("""
    bool Download(FtpWebResponse response)
    {
        if (response.StatusCode == FtpStatusCode.ClosingData)
            return true;
        return false;
    }
""")]
    [InlineData("""
    void Wait()
    {
        int code = SendCommand("RETR a");
        while (code / 100 == 1)
            code = SendCommand("NOOP");
    }
""")]
    [InlineData("""
    bool Final(FtpReply reply) => reply.Code.StartsWith("2");
""")]
    [InlineData("""
    void Read(FtpWebResponse response)
    {
        if (response.StatusCode == FtpStatusCode.OpeningData)
            Console.WriteLine("transfer starting");
    }
""")]
    [InlineData("""
    bool Ok(FtpReply reply)
    {
        if (reply.Code.StartsWith("1"))
            return Ok(reply);
        return reply.Success;
    }
""")]
    [InlineData("""
    void Check(FtpReply reply)
    {
        if (!reply.Success)
            throw new FtpCommandException(reply);
    }
""")]
    [InlineData("""
    bool Check(HttpWebResponse http)
    {
        if ((int)http.StatusCode == 150)
            return true;
        return false;
    }
""")]
    [InlineData("""
    bool Check(int count)
    {
        if (count == 150)
            return true;
        return false;
    }
""")]
    [InlineData("""
    void Store(string name)
    {
        int code = SendCommand("STOR " + name);
        if (code != 150 && code != 125)
            throw new IOException("STOR refused: " + code);
        code = SendCommand("NOOP");
        if (code != 226 && code != 250)
            throw new IOException("STOR failed: " + code);
    }
""")]
    public async Task Waiting_for_the_final_reply_is_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }
}
