using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.IntermediateReplyAsError>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class IntermediateReplyAsErrorTests
{
    #region Reports

    [Fact]
    public async Task AUTH_accepted_only_as_234_is_reported_where_the_code_sends_the_security_data()
    {
        var source = Snippets.InClass("""
    void Secure(string token)
    {
        int code = SendCommand("AUTH GSSAPI");
        if ({|#0:{|#1:code|} != 234|})
            {|#2:throw new IOException("AUTH refused: " + code);|}
        code = SendCommand("ADAT " + token);
    }
""");
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.IntermediateReplyAsError, "Reply 334 (security mechanism accepted, security data follows) is a positive intermediate reply to AUTH, but this code handles it as an error: continue the sequence: send ADAT", 0, 1, 2));
    }

    [Theory]
    [InlineData("""
    void Login(string user)
    {
        int code = SendCommand("USER " + user);
        if ({|#0:{|#1:code|} == 331|})
            {|#2:throw new UnauthorizedAccessException("password required");|}
    }
""", "Reply 331 (user name okay, need password) is a positive intermediate reply to USER, but this code handles it as an error: continue the sequence: send PASS")]
    [InlineData("""
    void Login(FtpClient client, string user)
    {
        var reply = client.Execute("USER " + user);
        if ({|#0:{|#1:reply.Code|} != "230"|})
            {|#2:throw new UnauthorizedAccessException(reply.Message);|}
    }
""", "Replies 331 (user name okay, need password) and 332 (need account for login) are positive intermediate replies to USER, but this code handles them as an error: continue the sequence: send PASS; send ACCT")]
    [InlineData("""
    void Rename(FtpClient client, string from)
    {
        var reply = client.Execute("RNFR " + from);
        if ({|#0:{|#1:reply.Type|} != FtpResponseType.PositiveCompletion|})
            {|#2:throw new IOException("rename refused");|}
    }
""", "Reply 350 (requested file action pending further information) is a positive intermediate reply to RNFR, but this code handles it as an error: continue the sequence: send the next command of the sequence (RNTO, or RETR/STOR after REST)")]
    [InlineData("""
    bool Resume(FtpClient client, long offset)
    {
        var reply = client.Execute($"REST {offset}");
        if ({|#0:!{|#1:reply.Code|}.StartsWith("2")|})
            {|#2:return false;|}
        return true;
    }
""", "Reply 350 (requested file action pending further information) is a positive intermediate reply to REST, but this code handles it as an error: continue the sequence: send the next command of the sequence (RNTO, or RETR/STOR after REST)")]
    [InlineData("""
    void Secure()
    {
        int code = SendCommand("AUTH GSSAPI");
        switch ({|#1:code|})
        {
            case 234:
                break;
            {|#0:case 334:|}
                {|#2:throw new NotSupportedException("ADAT exchange");|}
        }
    }
""", "Reply 334 (security mechanism accepted, security data follows) is a positive intermediate reply to AUTH, but this code handles it as an error: continue the sequence: send ADAT")]
    [InlineData("""
    async Task LoginAsync(AsyncFtpClient client, string user, CancellationToken token)
    {
        var reply = await client.Execute("USER " + user, token);
        if ({|#0:{|#1:reply.Type|} == FtpResponseType.PositiveIntermediate|})
            {|#2:throw new InvalidOperationException("unexpected intermediate reply");|}
    }
""", "Replies 331, 332, 334, 335, 336 and 350 are positive intermediate replies to USER, but this code handles them as an error: continue the sequence: send PASS; send ACCT; send ADAT; send the next ADAT; send the next command of the sequence (RNTO, or RETR/STOR after REST)")]
    [InlineData("""
    bool Accept(FtpReply reply) => {|#1:reply.Code|} switch
    {
        "230" => true,
        {|#0:"332"|} => {|#2:false|},
        _ => false,
    };
""", "Reply 332 (need account for login) is a positive intermediate reply, but this code handles it as an error: continue the sequence: send ACCT")]
    [InlineData("""
    void Password(string password)
    {
        int code = SendCommand("PASS " + password);
        if ({|#0:{|#1:code|} == 332|})
            {|#2:Environment.Exit(3);|}
    }
""", "Reply 332 (need account for login) is a positive intermediate reply to PASS, but this code handles it as an error: continue the sequence: send ACCT")]
    [InlineData("""
    void Login(FtpWebResponse response)
    {
        if ({|#0:{|#1:response.StatusCode|} == FtpStatusCode.SendPasswordCommand|})
            {|#2:throw new UnauthorizedAccessException();|}
    }
""", "Reply 331 (user name okay, need password) is a positive intermediate reply, but this code handles it as an error: continue the sequence: send PASS")]
    [InlineData("""
    void Rename(string from)
    {
        int replyCode = SendCommand("RNFR " + from);
        if ({|#0:{|#1:replyCode|} / 100 != 2|})
            {|#2:throw new IOException("RNFR failed: " + replyCode);|}
    }
""", "Reply 350 (requested file action pending further information) is a positive intermediate reply to RNFR, but this code handles it as an error: continue the sequence: send the next command of the sequence (RNTO, or RETR/STOR after REST)")]
    [InlineData("""
    class Reply
    {
        public int StatusCode { get; set; }
        public bool IsSuccess => {|#1:StatusCode|} >= 200 && StatusCode < 300;
    }

    Reply Command(string text) => new Reply();

    void Rename(string from)
    {
        var r = Command("RNFR " + from);
        if ({|#0:!r.IsSuccess|})
            {|#2:throw new IOException("RNFR refused: " + r.StatusCode);|}
    }
""", "Reply 350 (requested file action pending further information) is a positive intermediate reply to RNFR, but this code handles it as an error: continue the sequence: send the next command of the sequence (RNTO, or RETR/STOR after REST)")]
    [InlineData("""
    void Login(string user)
    {
        int code = SendCommand("USER " + user);
        if ({|#0:{|#1:code|} is 331 or 332|})
            {|#2:throw new UnauthorizedAccessException("login incomplete");|}
    }
""", "Replies 331 (user name okay, need password) and 332 (need account for login) are positive intermediate replies to USER, but this code handles them as an error: continue the sequence: send PASS; send ACCT")]
    [InlineData("""
    void Login(FtpClient client, string user)
    {
        Action login = () =>
        {
            var reply = client.Execute("USER " + user);
            if ({|#0:{|#1:reply.Code|} == "331"|} || reply.Code == "530")
                {|#2:throw new UnauthorizedAccessException(reply.Message);|}
        };
        login();
    }
""", "Reply 331 (user name okay, need password) is a positive intermediate reply to USER, but this code handles it as an error: continue the sequence: send PASS")]
    // The error path of a void method: the project's own close, then return.
    [InlineData("""
    private System.Net.Sockets.Socket control;

    void CloseControlSocket() => control.Close();

    void Connect(string user)
    {
        int code = SendCommand("USER " + user);
        if ({|#0:!({|#1:code|} == 331 || code == 230)|})
        {
            CloseControlSocket();
            {|#2:return;|}
        }
    }
""", "Reply 332 (need account for login) is a positive intermediate reply to USER, but this code handles it as an error: continue the sequence: send ACCT")]
    // A field named neither reply nor code, given the code parsed from the reply line by a void reader.
    [InlineData("""
    private StreamReader reader;
    private StreamWriter writer;
    public int Last;

    private void ReadReply()
    {
        var line = reader.ReadLine();
        Last = int.Parse(line.Substring(0, 3));
    }

    public void Login(string user)
    {
        writer.WriteLine("USER " + user);
        ReadReply();
        if ({|#0:{|#1:Last|} != 230|})
            {|#2:throw new IOException("login refused: " + Last);|}
    }
""", "Replies 331 (user name okay, need password) and 332 (need account for login) are positive intermediate replies to USER, but this code handles them as an error: continue the sequence: send PASS; send ACCT")]
    // PASS's reply read in the test itself, inside the branch taken on USER's 331: the outer test is of USER's reply.
    [InlineData("""
    bool Login(string user, string password)
    {
        int userCode = SendCommand("USER " + user);
        if (userCode == 230)
            return true;
        else if (userCode == 331)
        {
            if ({|#0:{|#1:SendCommand("PASS " + password)|} != 230|})
                {|#2:return false;|}
        }

        return true;
    }
""", "Reply 332 (need account for login) is a positive intermediate reply to PASS, but this code handles it as an error: continue the sequence: send ACCT")]
    public async Task Expected_3xx_handled_as_errors_are_reported(string members, string message)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members), VerifyCS.Diagnostic(DiagnosticIds.IntermediateReplyAsError, message, 0, 1, 2));
    }

    [Fact]
    public async Task Login_lines_sent_as_socket_bytes_and_tested_against_constants_of_another_class_are_reported()
    {
        // USER's line is a local sent as bytes; its reply is tested against a static readonly string of another class.
        var source = Snippets.Usings + """
using System.Net.Sockets;
using System.Text;

static class ReplyCodes
{
    public static readonly string PasswordRequired = "331";
    public const string LoggedIn = "230";
}

class FtpConnection
{
    private Socket _control;
    private string ReadResponse() => "";

    public void Login(string user, string password)
    {
        string command = "USER " + user + "\r\n";
        _control.Send(Encoding.ASCII.GetBytes(command));
        string response = ReadResponse();
        if ({|#0:!{|#1:response|}.StartsWith(ReplyCodes.PasswordRequired) && !response.StartsWith(ReplyCodes.LoggedIn)|})
            {|#2:throw new IOException("user refused: " + response);|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.IntermediateReplyAsError, "Reply 332 (need account for login) is a positive intermediate reply to USER, but this code handles it as an error: continue the sequence: send ACCT", 0, 1, 2));
    }

    [Fact]
    public async Task Login_lines_written_with_a_stream_writer_async_are_reported()
    {
        var source = Snippets.Usings + """
class FtpConnection
{
    private StreamWriter _writer;
    private Task<int> GetReplyAsync() => Task.FromResult(0);

    public async Task LoginAsync(string user, string password)
    {
        var line = $"USER {user}";
        await _writer.WriteLineAsync(line);
        int code = await GetReplyAsync();
        if ({|#0:{|#1:code|} != 331 && code != 230|})
            {|#2:throw new IOException("user refused: " + code);|}
        if (code == 230)
            return;
        line = $"PASS {password}";
        await _writer.WriteLineAsync(line);
        code = await GetReplyAsync();
        if ({|#3:{|#4:code|} != 230 && code != 202|})
            {|#5:throw new IOException("password refused: " + code);|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.IntermediateReplyAsError, "Reply 332 (need account for login) is a positive intermediate reply to USER, but this code handles it as an error: continue the sequence: send ACCT", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.IntermediateReplyAsError, "Reply 332 (need account for login) is a positive intermediate reply to PASS, but this code handles it as an error: continue the sequence: send ACCT", 3, 4, 5));
    }

    #endregion

    #region Does not report

    [Fact]
    public async Task Two_replies_held_in_the_projects_own_enum_are_two_replies()
    {
        // RNFR's 350 passed the guard; the test after RNTO is of RNTO's reply, another variable: 350 never reaches it.
        // The enum counts as reply codes with its Undefined member (no reply yet): USER's test is reported.
        var source = Snippets.Usings + """
enum FtpStatus { Undefined = 0, LoggedIn = 230, NeedPassword = 331, FileActionOk = 250, Pending = 350 }

class FtpResponse
{
    public FtpStatus Status { get; set; }
}

class FtpSession
{
    private FtpResponse Send(string command) => new FtpResponse();

    public void Rename(string from, string to)
    {
        var renameFrom = Send("RNFR " + from);
        if (renameFrom.Status != FtpStatus.Pending)
            throw new IOException("RNFR refused");

        var renameTo = Send("RNTO " + to);
        if (renameTo.Status != FtpStatus.FileActionOk)
            throw new IOException("RNTO refused");
    }

    public void Login(string user)
    {
        var reply = Send("USER " + user);
        if ({|#0:{|#1:reply.Status|} != FtpStatus.LoggedIn|})
            {|#2:throw new IOException("login refused");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.IntermediateReplyAsError, "Replies 331 (user name okay, need password) and 332 (need account for login) are positive intermediate replies to USER, but this code handles them as an error: continue the sequence: send PASS; send ACCT", 0, 1, 2));
    }

    [Fact]
    public async Task AUTH_accepted_only_as_234_is_not_reported_where_no_security_data_is_sent()
    {
        // AUTH TLS is answered 234 (RFC 4217): 334 and ADAT belong to mechanisms whose data the code would send.
        var source = Snippets.InClass("""
    void Secure()
    {
        int code = SendCommand("AUTH TLS");
        if (code != 234)
            throw new IOException("TLS refused: " + code);
    }
""");
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task A_case_label_is_not_the_reply_tested_after_its_section_reads_again()
    {
        // The 332 label chose to send ACCT; the test after it is of ACCT's reply, which is never 3xx.
        var source = Snippets.InClass("""
    void Login(string user, string account)
    {
        int code = SendCommand("USER " + user);
        switch (code)
        {
            case 230:
                return;
            case 332:
                code = SendCommand("ACCT " + account);
                if (code / 100 != 2)
                    throw new IOException("ACCT refused: " + code);
                return;
            default:
                throw new IOException("USER refused: " + code);
        }
    }
""");
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task A_guard_on_a_reply_field_ends_where_a_helper_sends_the_next_command()
    {
        // sendCommand reads the next reply into the field: the 350 tested first is RNFR's, the test after RNTO's.
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

    public void Rename(string from, string to)
    {
        sendCommand("RNFR " + from);
        if (resultCode != 350) throw new IOException(result);
        sendCommand("RNTO " + to);
        if (resultCode != 250) throw new IOException(result);
    }

    public void Login(string user, string password)
    {
        readResponse();
        if (resultCode != 220) throw new IOException(result);
        sendCommand("USER " + user);
        if (resultCode != 331 && resultCode != 230 && resultCode != 332) throw new IOException(result);
        if (resultCode != 230)
        {
            // The test around this block is of USER's reply; the one inside, of PASS's.
            sendCommand("PASS " + password);
            if (!(resultCode == 230 || resultCode == 202 || resultCode == 332)) throw new IOException(result);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
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

    [Fact]
    public async Task A_login_line_given_as_a_parameter_is_a_command_the_code_does_not_say()
    {
        // The line sent last is the parameter, not the USER written before it.
        var source = Snippets.Usings + """
using System.Net.Sockets;
using System.Text;

class FtpConnection
{
    private Socket _control;
    private int WaitResponse() => 0;

    public void Login(string user, string line)
    {
        _control.Send(Encoding.ASCII.GetBytes("USER " + user + "\r\n"));
        _control.Send(Encoding.ASCII.GetBytes(line));
        int code = WaitResponse();
        if (code != 331 && code != 230)
            throw new IOException("refused: " + code);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    #endregion
}
