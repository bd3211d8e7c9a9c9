using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.PreliminaryReplyAsFinal>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class PreliminaryReplyAsFinalTests
{
    #region Reports

    [Theory]
    [InlineData("""
    bool Download(FtpWebResponse response)
    {
        if ({|#0:response.StatusCode == FtpStatusCode.OpeningData|})
            {|#1:return true;|}
        return false;
    }
""", "Reply 150 (file status okay; about to open data connection) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    void Finish(FtpWebResponse response)
    {
        if ({|#0:response.StatusCode == FtpStatusCode.DataAlreadyOpen|})
        {
            {|#1:response.Close();|}
        }
    }
""", "Reply 125 (data connection already open; transfer starting) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    bool Ready()
    {
        int code = SendCommand("NOOP");
        if ({|#0:code == 120|} || code == 220)
            {|#1:return true;|}
        return false;
    }
""", "Reply 120 (service ready in nnn minutes) is a positive preliminary reply, but this code takes it as the end of the command: wait for the 220 that follows")]
    [InlineData("""
    void Check(FtpReply reply)
    {
        if ({|#0:reply.Code == "150"|})
            {|#1:throw new IOException("unexpected reply " + reply.Code);|}
    }
""", "Reply 150 (file status okay; about to open data connection) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    FtpStatus Map(FtpReply reply) => reply.Code switch
    {
        {|#0:"150"|} => {|#1:FtpStatus.Success|},
        "226" => FtpStatus.Success,
        _ => FtpStatus.Failed,
    };
""", "Reply 150 (file status okay; about to open data connection) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    bool Done(FtpReply reply)
    {
        switch (reply.Code)
        {
            {|#0:case "125":|}
            case "226":
                {|#1:return true;|}
            default:
                return false;
        }
    }
""", "Reply 125 (data connection already open; transfer starting) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    async Task<bool> StoreAsync(AsyncFtpClient client)
    {
        var reply = await client.Execute("STOR a.txt");
        if ({|#0:reply.Type == FtpResponseType.PositivePreliminary|})
            {|#1:return true;|}
        return reply.Success;
    }
""", "Replies 110, 120, 125 and 150 are positive preliminary replies, but this code takes it as the end of the command: keep reading until the final reply, and keep the marker for REST; wait for the 220 that follows; keep reading until the final 226 or 250")]
    [InlineData("""
    bool Transferred()
    {
        int code = SendCommand("RETR big.iso");
        if ({|#0:code == 110|})
            {|#1:return true;|}
        return false;
    }
""", "Reply 110 (restart marker) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final reply, and keep the marker for REST")]
    [InlineData("""
    void Check(FtpStatusCode status)
    {
        if ({|#0:status is FtpStatusCode.OpeningData or FtpStatusCode.DataAlreadyOpen|})
            {|#1:throw new InvalidOperationException("still transferring");|}
    }
""", "Replies 125 (data connection already open; transfer starting) and 150 (file status okay; about to open data connection) are positive preliminary replies, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    bool Ok(int code) => code switch
    {
        226 or 250 => true,
        {|#0:150|} => {|#1:true|},
        _ => false,
    };

    void Use() { Ok(SendCommand("RETR a")); }
""", "Reply 150 (file status okay; about to open data connection) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    void Upload(FtpClient client)
    {
        Task.Run(() =>
        {
            var reply = client.Execute("STOR a.txt");
            if ({|#0:reply.Code == "150"|})
                {|#1:return true;|}
            return false;
        });
    }
""", "Reply 150 (file status okay; about to open data connection) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    bool Downloaded(string name)
    {
        int code = SendCommand("RETR " + name);
        {|#1:return {|#0:code == 150|} || code == 226;|}
    }
""", "Reply 150 (file status okay; about to open data connection) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    [InlineData("""
    string[] ReadReplyLines() => new string[0];

    bool Fetch(string name)
    {
        SendCommand("RETR " + name);
        var response = ReadReplyLines();
        if ({|#0:response[0].StartsWith("150")|})
            {|#1:return true;|}
        return false;
    }
""", "Reply 150 (file status okay; about to open data connection) is a positive preliminary reply, but this code takes it as the end of the command: keep reading until the final 226 or 250")]
    public async Task Preliminary_replies_taken_as_final_are_reported(string members, string message)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members), VerifyCS.Diagnostic(DiagnosticIds.PreliminaryReplyAsFinal, message, 0, 1));
    }

    #endregion

    #region Does not report

    [Fact]
    public async Task The_final_reply_read_after_a_preliminary_one_is_not_the_preliminary_one()
    {
        // readResponse() reads the transfer's final reply into the field after the 150 was tested.
        var source = Snippets.Usings + """
class FtpSession
{
    private int resultCode;
    private string result = "";

    private void sendCommand(string command)
    {
        // writes the command, then reads the reply into resultCode
        readResponse();
    }

    private void readResponse() => resultCode = 0;

    public bool Download(string name)
    {
        sendCommand("RETR " + name);
        if (resultCode != 150 && resultCode != 125) throw new IOException(result);
        // ... the data connection is read here ...
        readResponse();
        if (resultCode == 226 || resultCode == 250) return true;
        throw new IOException(result);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
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

    [Theory]
    [InlineData("""
    bool Open(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        var response = (FtpWebResponse)request.GetResponse();
        if (response.StatusCode == FtpStatusCode.OpeningData || response.StatusCode == FtpStatusCode.DataAlreadyOpen)
            return true;
        response.Close();
        return false;
    }
""")]
    [InlineData("""
    void List(string path)
    {
        int code = SendCommand("NLST " + path);
        if (code != 125 && code != 150)
            throw new IOException("NLST refused: " + code);
        throw new NotImplementedException();
    }
""")]
    public async Task The_first_reply_where_only_it_can_be_read_is_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    [Fact]
    public async Task Reply_read_again_through_the_client_object_is_another_reply()
    {
        // connection.ReadReply() replaces connection.ReplyCode: the inner test is of the final reply, not STOR's 150.
        var source = Snippets.Usings + """
class Connection
{
    public int ReplyCode { get; private set; }
    public void SendCommand(string line) { }
    public void ReadReply() { }
}

class Uploader
{
    public void Store(Connection connection, string name)
    {
        connection.SendCommand("STOR " + name);
        if (!(connection.ReplyCode == 125 || connection.ReplyCode == 150))
            throw new IOException("STOR refused");
        if (!(connection.ReplyCode == 226 || connection.ReplyCode == 250))
        {
            connection.ReadReply();
            if (!(connection.ReplyCode == 226 || connection.ReplyCode == 250))
                throw new IOException("STOR failed");
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    #endregion
}
