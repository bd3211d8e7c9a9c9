using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.IntermediateReplyAsError>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class IntermediateReplyAsErrorTests
{
    [Theory]
    [InlineData("""
    void Login(string user)
    {
        int code = SendCommand("USER " + user);
        if ({|FTPR0005:code == 331|})
            throw new UnauthorizedAccessException("password required");
    }
""")]
    [InlineData("""
    void Login(FtpClient client, string user)
    {
        var reply = client.Execute("USER " + user);
        if ({|FTPR0005:reply.Code != "230"|})
            throw new UnauthorizedAccessException(reply.Message);
    }
""")]
    [InlineData("""
    void Rename(FtpClient client, string from)
    {
        var reply = client.Execute("RNFR " + from);
        if ({|FTPR0005:reply.Type != FtpResponseType.PositiveCompletion|})
            throw new IOException("rename refused");
    }
""")]
    [InlineData("""
    bool Resume(FtpClient client, long offset)
    {
        var reply = client.Execute($"REST {offset}");
        if ({|FTPR0005:!reply.Code.StartsWith("2")|})
            return false;
        return true;
    }
""")]
    [InlineData("""
    void Secure()
    {
        int code = SendCommand("AUTH GSSAPI");
        switch (code)
        {
            case 234:
                break;
            {|FTPR0005:case 334:|}
                throw new NotSupportedException("ADAT exchange");
        }
    }
""")]
    [InlineData("""
    async Task LoginAsync(AsyncFtpClient client, string user, CancellationToken token)
    {
        var reply = await client.Execute("USER " + user, token);
        if ({|FTPR0005:reply.Type == FtpResponseType.PositiveIntermediate|})
            throw new InvalidOperationException("unexpected intermediate reply");
    }
""")]
    [InlineData("""
    bool Accept(FtpReply reply) => reply.Code switch
    {
        "230" => true,
        {|FTPR0005:"332"|} => false,
        _ => false,
    };
""")]
    [InlineData("""
    void Password(string password)
    {
        int code = SendCommand("PASS " + password);
        if ({|FTPR0005:code == 332|})
            Environment.Exit(3);
    }
""")]
    [InlineData("""
    void Login(FtpWebResponse response)
    {
        if ({|FTPR0005:response.StatusCode == FtpStatusCode.SendPasswordCommand|})
            throw new UnauthorizedAccessException();
    }
""")]
    [InlineData("""
    void Rename(string from)
    {
        int replyCode = SendCommand("RNFR " + from);
        if ({|FTPR0005:replyCode / 100 != 2|})
            throw new IOException("RNFR failed: " + replyCode);
    }
""")]
    [InlineData("""
    class Reply
    {
        public int StatusCode { get; set; }
        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
    }

    Reply Command(string text) => new Reply();

    void Rename(string from)
    {
        var r = Command("RNFR " + from);
        if ({|FTPR0005:!r.IsSuccess|})
            throw new IOException("RNFR refused: " + r.StatusCode);
    }
""")]
    public async Task Expected_3xx_handled_as_errors_are_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    [Theory]
    [InlineData("""
    void Login(string user)
    {
        int code = SendCommand("USER " + user);
        if (code is not (230 or 331 or 332 or 232 or 336))
            throw new UnauthorizedAccessException();
    }
""")]
    [InlineData("""
    void Rename(FtpClient client, string from)
    {
        var reply = client.Execute("RNFR " + from);
        if (reply.Code != "350")
            throw new IOException("rename refused");
    }
""")]
    [InlineData("""
    void Login(string user)
    {
        int code = SendCommand("USER " + user);
        if (code == 331)
            SendCommand("PASS secret");
    }
""")]
    [InlineData("""
    void Check(FtpReply reply)
    {
        if (reply.Code.StartsWith("5"))
            throw new FtpCommandException(reply);
    }
""")]
    [InlineData("""
    void Store(FtpClient client)
    {
        var reply = client.Execute("STOR a");
        if (reply.Code != "226" && reply.Code != "250")
            throw new IOException(reply.Message);
    }
""")]
    [InlineData("""
    bool Check(HttpWebResponse http)
    {
        if ((int)http.StatusCode == 331)
            throw new Exception();
        return true;
    }
""")]
    [InlineData("""
    bool Check(int retries)
    {
        if (retries == 350)
            throw new Exception();
        return true;
    }
""")]
    [InlineData("""
    bool NeedsPassword(FtpReply reply)
    {
        if (reply.Code == "331")
            return true;
        return false;
    }
""")]
    public async Task Accepted_steps_are_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }
}
