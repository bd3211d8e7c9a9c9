using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.PositiveCompletionAsError>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class PositiveCompletionAsErrorTests
{
    private const string Usings = """
using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FluentFTP;
using FluentFTP.Exceptions;

""";

    #region Reports

    [Fact]
    public async Task Call_of_the_projects_own_throw_helper_is_a_throw()
    {
        // Fail() throws in an expression body; CloseAndThrow() closes, then throws: either call ends the operation.
        var source = Usings + """
class FtpSession
{
    private void WriteLine(string line) { }
    private int ReadCode() => 0;
    private void Close() { }

    private void Fail(string message) => throw new IOException(message);

    private void CloseAndThrow(string message)
    {
        Close();
        throw new IOException(message);
    }

    public void Store(string path, Stream data)
    {
        WriteLine("STOR " + path);
        var code = ReadCode();
        data.CopyTo(Stream.Null);
        code = ReadCode();
        if ({|#0:{|#1:code|} != 226|})
            {|#2:CloseAndThrow("upload failed");|}
    }

    public void Login(string user)
    {
        WriteLine("USER " + user);
        var code = ReadCode();
        if ({|#3:{|#4:code|} != 331|})
        {
            {|#5:Fail("login refused");|}
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Abort(string message) => Fail(message);

    public void Retrieve(string path)
    {
        WriteLine("RETR " + path);
        var code = ReadCode();
        code = ReadCode();
        if ({|#6:{|#7:code|} != 226|})
            {|#8:Abort("download failed");|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to STOR, but this code handles it as an error: treat it as success", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 3, 4, 5),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to RETR, but this code handles it as an error: treat it as success", 6, 7, 8));
    }

    [Fact]
    public async Task Check_method_that_tests_membership_through_its_own_helper_and_throws_through_another_is_judged_at_the_call()
    {
        // IsOneOf() answers whether the list holds the code, Fail() throws: Expect() throws unless the reply is listed.
        var source = Usings + """
class FtpReply
{
    public int Code { get; set; }
}

abstract class FtpCommandBase
{
    protected FtpReply SendCommand(string verb, string argument) => new FtpReply();

    protected FtpReply Expect(FtpReply reply, params int[] codes)
    {
        if (!IsOneOf(reply.Code, codes))
        {
            Fail(reply);
        }

        return reply;
    }

    private static bool IsOneOf(int code, int[] accepted)
    {
        foreach (var candidate in accepted)
            if (candidate == code)
                return true;
        return false;
    }

    protected static bool Listed(int[] accepted, int code) => System.Array.IndexOf(accepted, code) >= 0;

    protected void Fail(FtpReply reply) => throw new IOException("Unexpected reply " + reply.Code);
}

class StatCommand : FtpCommandBase
{
    public void Run(string path)
    {
        {|#2:{|#0:{|#1:Expect(SendCommand("STAT", path), 213, 211)|}|};|}
    }
}

class UserCommand : FtpCommandBase
{
    private void ExpectListed(FtpReply reply, int[] codes)
    {
        if (!Listed(codes, reply.Code))
            throw new IOException("Unexpected reply " + reply.Code);
    }

    public void Run(string user)
    {
        {|#5:{|#4:ExpectListed(SendCommand("USER", user), new[] { {|#3:331|} })|};|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 212 (directory status) is a positive completion reply to STAT, but this code handles it as an error: treat it as success", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 3, 4, 5));
    }

    [Fact]
    public async Task Async_check_method_that_returns_when_any_listed_code_matches_is_judged_at_the_call()
    {
        var source = Usings + """
using System.Linq;

class FtpResponse
{
    public int Code { get; set; }
}

class FtpSession
{
    private Task<FtpResponse> SendAsync(string command) => Task.FromResult(new FtpResponse());
    private Task LogOutAsync() => Task.CompletedTask;

    private async Task BailUnlessAsync(FtpResponse response, params int[] codes)
    {
        if (codes.Any(c => c == response.Code))
            return;

        await LogOutAsync();
        throw new IOException("Unexpected reply " + response.Code);
    }

    public async Task LoginAsync(string user, string password)
    {
        var reply = await SendAsync("USER " + user);
        await BailUnlessAsync(reply, 331, 230);
        reply = await SendAsync("PASS " + password);
        {|#2:await {|#1:BailUnlessAsync(reply, {|#0:230|})|};|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to PASS, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Command_sent_as_a_member_of_the_projects_command_enum_is_the_command_its_reply_answers()
    {
        // The command travels as FtpCommand.PASS, alone or in a command object; its reply is checked against 230 alone.
        var source = Usings + """
enum FtpCommand { USER, PASS, RETR }

enum FtpOutcome { Ok, List }

class CommandEnvelope
{
    public FtpCommand Command { get; set; }
    public string Data { get; set; } = "";
}

class FtpResponse
{
    public int Code { get; set; }
}

class FtpSession
{
    private FtpResponse Send(CommandEnvelope envelope) => new FtpResponse();
    private FtpResponse Send(FtpCommand command, string data) => new FtpResponse();
    private FtpResponse Send(FtpOutcome outcome) => new FtpResponse();

    public void Login(string user, string password)
    {
        var reply = Send(new CommandEnvelope { Command = FtpCommand.PASS, Data = password });
        if ({|#0:{|#1:reply.Code|} != 230|})
            {|#2:throw new IOException("login refused");|}

        reply = Send(FtpCommand.PASS, password);
        if ({|#3:{|#4:reply.Code|} != 230|})
            {|#5:throw new IOException("login refused");|}

        // FtpOutcome is no enum of commands: its List member sends nothing.
        reply = Send(FtpOutcome.List);
        if (reply.Code != 226)
            throw new IOException("listing failed");
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to PASS, but this code handles it as an error: treat it as success", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to PASS, but this code handles it as an error: treat it as success", 3, 4, 5));
    }

    [Fact]
    public async Task Awaited_async_throw_helper_is_a_throw()
    {
        var source = Usings + """
class FtpSession
{
    private Task WriteLineAsync(string line) => Task.CompletedTask;
    private Task<int> ReadCodeAsync() => Task.FromResult(0);
    private Task QuitAsync() => Task.CompletedTask;

    private async Task BailAsync(string message)
    {
        await QuitAsync();
        throw new IOException(message);
    }

    public async Task LoginAsync(string user)
    {
        await WriteLineAsync("USER " + user);
        var code = await ReadCodeAsync();
        if ({|#0:{|#1:code|} != 331|})
            {|#2:await BailAsync("login refused");|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Check_method_that_takes_only_the_codes_and_reads_the_reply_field_is_reported_at_the_call()
    {
        var source = Usings + """
using System.Linq;

class FtpSession
{
    private StreamReader reader;
    private StreamWriter writer;
    private int lastCode;

    private void Command(string text)
    {
        writer.WriteLine(text);
        lastCode = int.Parse(reader.ReadLine().Substring(0, 3));
    }

    private void Expect(params int[] codes)
    {
        if (!codes.Contains(lastCode))
            throw new IOException("Unexpected reply: " + lastCode);
    }

    public void EnableUtf8()
    {
        Command("OPTS UTF8 ON");
        {|#2:{|#1:Expect({|#0:200|})|};|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to OPTS, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Call_of_the_projects_own_check_method_with_a_code_that_leaves_out_a_positive_reply_is_reported_at_the_call()
    {
        // The check is shared by every command; what it accepts is what each caller passes, so the call is the mistake.
        var source = Usings + """
class FtpSession
{
    private StreamReader reader;
    private StreamWriter writer;

    private string SendCommand(string command) { writer.WriteLine(command); writer.Flush(); return reader.ReadLine(); }

    private static void Expect(string reply, string expected)
    {
        if (!reply.StartsWith(expected))
            throw new IOException("Unexpected reply: " + reply);
    }

    private static void Check(FtpWebRequest request, FtpStatusCode expected)
    {
        using (var response = (FtpWebResponse)request.GetResponse())
        {
            if (response.StatusCode != expected)
                throw new WebException("Unexpected status: " + response.StatusCode);
        }
    }

    public void Login(string user)
    {
        var reply = SendCommand("USER " + user);
        {|#2:{|#1:Expect(reply, {|#0:"331"|})|};|}
        reply = SendCommand("CWD /in");
        Expect(reply, "250");
    }

    public void Upload(string uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.UploadFile;
        {|#5:{|#4:Check(request, {|#3:FtpStatusCode.ClosingData|})|};|}
    }

    // Returns when the reply is one of the codes, in a loop over them, and throws after it.
    private static string Validate(string reply, string[] expected)
    {
        var code = reply.Substring(0, 3);
        for (var i = 0; i < expected.Length; i++)
            if (code.Equals(expected[i]))
                return code;
        throw new IOException("Unexpected reply: " + reply);
    }

    public void Password(string password)
    {
        var reply = SendCommand("PASS " + password);
        string[] valid = { "230", "332" };
        {|#8:{|#6:{|#7:Validate(reply, valid)|}|};|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to STOR, but this code handles it as an error: treat it as success", 3, 4, 5),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to PASS, but this code handles it as an error: treat it as success", 6, 7, 8));
    }

    [Fact]
    public async Task DirectoryStatus_selected_and_thrown_is_reported_with_catalog_message()
    {
        var source = Usings + """
class Checker
{
    void Check(FtpWebResponse response)
    {
        if ({|#0:{|#1:response.StatusCode|} == FtpStatusCode.DirectoryStatus|})
            {|#2:throw new IOException("unexpected status");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 212 (directory status) is a positive completion reply, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Stat_reply_checked_against_211_only_is_reported_with_the_command()
    {
        var source = Usings + """
class Checker
{
    bool Exists(FtpClient client, string path)
    {
        var reply = client.Execute("STAT " + path);
        if ({|#0:{|#1:reply.Code|} != "211"|})
            {|#2:throw new InvalidOperationException(reply.Message);|}
        return true;
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Replies 212 (directory status) and 213 (file status) are positive completion replies to STAT, but this code handles them as an error: treat them as success", 0, 1, 2));
    }

    [Fact]
    public async Task Switch_case_212_returning_false_is_reported()
    {
        var source = Usings + """
class Checker
{
    bool IsOk(FtpReply reply)
    {
        switch ({|#1:reply.Code|})
        {
            case "211":
            case "213":
                return true;
            {|#0:case "212":|}
                {|#2:return false;|}
            default:
                return false;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 212 (directory status) is a positive completion reply, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Transfer_check_rejecting_250_is_reported()
    {
        var source = Usings + """
class Downloader
{
    void Finish(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        var response = (FtpWebResponse)request.GetResponse();
        response.GetResponseStream().CopyTo(Stream.Null);
        response.Close();
        if ({|#0:{|#1:response.StatusCode|} != FtpStatusCode.ClosingData|})
            {|#2:throw new IOException("download incomplete");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to RETR, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Reply_field_given_the_number_in_a_lines_first_three_characters_by_a_void_reader_is_a_reply()
    {
        // The line is called buf and the field response: what makes them a reply is int.Parse(buf.Substring(0, 3)).
        var source = Usings + """
class FtpLib
{
    private string responseText = "";
    private int response;
    private System.Net.Sockets.Socket socket = null!;

    private void Fail() => throw new IOException(responseText);

    private void SendCommand(string command)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(command + "\r\n");
        socket.Send(bytes);
    }

    private string NextLine() => "";

    private void ReadResponse()
    {
        while (true)
        {
            var buf = NextLine();
            if (buf.Length > 3 && buf[3] == ' ')
            {
                responseText = buf;
                response = int.Parse(buf.Substring(0, 3));
                return;
            }
        }
    }

    public void Login(string user, string password)
    {
        SendCommand("USER " + user);
        ReadResponse();
        if (response == 331)
        {
            SendCommand("PASS " + password);
            ReadResponse();
            if ({|#0:{|#1:response|} != 230|})
                {|#2:Fail();|}
        }
    }

    public void List(string path)
    {
        SendCommand("NLST " + path);
        ReadResponse();
        if (response != 150 && response != 125)
            Fail();
        ReadResponse();
        if ({|#3:{|#4:response|} != 226|})
            {|#5:throw new IOException(responseText);|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to PASS, but this code handles it as an error: treat it as success", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to NLST, but this code handles it as an error: treat it as success", 3, 4, 5));
    }

    [Fact]
    public async Task Reply_lines_read_into_an_array_answer_the_command_sent_before_the_read_on_the_path()
    {
        // The else branch tests USER's reply (read before the if), not the PASS sent in the other branch.
        var source = Usings + """
class FtpSession
{
    private void WriteLine(string line) { }
    private string[] ReadResponse() => new string[0];

    public void Login(string user, string password)
    {
        WriteLine("USER " + user);
        string[] response = ReadResponse();
        if ({|#0:{|#1:response[0]|}.StartsWith("331")|})
        {
            WriteLine("PASS " + password);
            response = ReadResponse();
            if ({|#3:!{|#4:response[0]|}.StartsWith("230")|})
                {|#5:throw new IOException("login refused: " + response[0]);|}
        }
        else
        {
            {|#2:throw new IOException("login refused: " + response[0]);|}
        }
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to PASS, but this code handles it as an error: treat it as success", 3, 4, 5));
    }

    [Fact]
    public async Task User_reply_accepting_only_331_is_reported()
    {
        var source = Usings + """
class FtpSession
{
    private int SendCommand(string command) => 331;

    public void Login(string user, string password)
    {
        int code = SendCommand("USER " + user);
        if ({|#0:{|#1:code|} != 331|})
            {|#2:throw new UnauthorizedAccessException("login refused: " + code);|}
        SendCommand("PASS " + password);
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Rmd_success_tested_as_DirectoryStatus_is_reported()
    {
        var source = Usings + """
class Cleaner
{
    bool RemoveDirectory(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.RemoveDirectory;
        using var response = (FtpWebResponse)request.GetResponse();
        if ({|#0:{|#1:response.StatusCode|} == FtpStatusCode.DirectoryStatus|})
            return true;
        {|#2:return false;|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to RMD, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Switch_expression_arm_202_mapped_to_false_is_reported()
    {
        var source = Usings + """
class Options
{
    bool Utf8Enabled(FtpReply reply) => {|#1:reply.Code|} switch
    {
        "200" => true,
        {|#0:"202"|} => {|#2:false|},
        _ => false,
    };
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Is_pattern_on_2xx_codes_that_throws_is_reported()
    {
        var source = Usings + """
class Checker
{
    void Check(FtpStatusCode status)
    {
        if ({|#0:{|#1:status|} is FtpStatusCode.FileStatus or FtpStatusCode.CommandExtraneous|})
            {|#2:throw new InvalidOperationException("bad reply " + status);|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Replies 202 (command not implemented, superfluous at this site) and 213 (file status) are positive completion replies, but this code handles them as an error: treat them as success", 0, 1, 2));
    }

    [Fact]
    public async Task Async_reply_logged_as_error_is_reported()
    {
        var source = Usings + """
class Logger
{
    public void LogError(string message) { }
}

class Sizes
{
    private readonly Logger _log = new Logger();

    async Task<long> SizeAsync(AsyncFtpClient client, string path, CancellationToken token)
    {
        var reply = await client.Execute("SIZE " + path, token);
        if ({|#0:{|#1:reply.Code|} == "213"|})
        {
            {|#2:_log.LogError("SIZE answered " + reply.Message);|}
        }

        return long.Parse(reply.Message);
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 213 (file status) is a positive completion reply to SIZE, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Hand_written_reply_line_starting_with_212_is_reported()
    {
        var source = Usings + """
class FtpControl
{
    private readonly StreamReader _reader = new StreamReader(Stream.Null);

    public bool Stat(string dir)
    {
        string reply = _reader.ReadLine();
        if ({|#0:{|#1:reply|}.StartsWith("212")|})
            {|#2:return false;|}
        return true;
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 212 (directory status) is a positive completion reply, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Catch_all_exceptions_are_not_2xx_but_explicit_221_test_in_a_lambda_is_reported()
    {
        var source = Usings + """
class Closer
{
    Func<FtpReply, bool> Check = reply =>
    {
        if ({|#0:{|#1:reply.Code|} == "221"|})
            {|#2:throw new IOException("closing");|}
        return true;
    };
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 221 (service closing control connection) is a positive completion reply, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Category_check_with_first_digit_2_is_reported()
    {
        var source = Usings + """
class Checker
{
    void Check(FtpReply reply)
    {
        if ({|#0:{|#1:reply.Type|} == FtpResponseType.PositiveCompletion && reply.Code == "250"|})
            {|#2:throw new Exception("?");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Else_branch_of_an_exact_check_after_MKD_is_reported()
    {
        var source = Usings + """
class Dirs
{
    void Make(FtpClient client, string name)
    {
        var reply = client.Execute("PWD");
        if ({|#0:{|#1:reply.Code|} == "250"|})
        {
            Console.WriteLine("ok");
        }
        else
        {
            {|#2:throw new IOException(reply.Message);|}
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 257 (pathname created) is a positive completion reply to PWD, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Guard_clause_then_throw_rejects_225_after_ABOR()
    {
        var source = Usings + """
class Abort
{
    void Cancel(FtpClient client)
    {
        var reply = client.Execute("ABOR");
        if ({|#0:{|#1:reply.Code|} == "226"|})
            return;
        {|#2:throw new IOException("abort failed: " + reply.Code);|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 225 (data connection open; no transfer in progress) is a positive completion reply to ABOR, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Int_code_compared_with_202_returning_negative_number_is_reported()
    {
        var source = Usings + """
class FtpOpts
{
    private int SendCommand(string command) => 200;

    public int EnableUtf8()
    {
        int replyCode = SendCommand("OPTS UTF8 ON");
        if ({|#0:{|#1:replyCode|} == 202|})
            {|#2:return -1;|}
        return 0;
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to OPTS, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Switch_statement_pattern_case_on_status_is_reported()
    {
        var source = Usings + """
class Checker
{
    void Check(FtpWebResponse response)
    {
        switch ({|#1:response.StatusCode|})
        {
            case FtpStatusCode.ClosingData:
                break;
            {|#0:case FtpStatusCode.FileActionOK:|}
                {|#2:throw new IOException("unexpected");|}
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply, but this code handles it as an error: treat it as success", 0, 1, 2));
    }


    [Fact]
    public async Task Security_exchange_replies_count_only_after_AUTH()
    {
        var source = Usings + """
class FtpSession
{
    private int SendCommand(string command) => 331;

    public void Login(string user)
    {
        SendCommand("AUTH GSSAPI");
        int code = SendCommand("USER " + user);
        if ({|#0:{|#1:code|} != 331 && code != 230|})
            {|#2:throw new UnauthorizedAccessException("login refused: " + code);|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 232 (user logged in, authorized by security data exchange) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Command_line_in_a_local_sent_as_socket_bytes_is_the_command_the_reply_read_after_it_answers()
    {
        // The command text is a local given a new line before each send; the reply variable is declared without a value.
        var source = Usings + """
using System.Net.Sockets;
using System.Text;

class FtpConnection
{
    private Socket _control;
    private int WaitResponse() => 0;

    public void Login(string user, string password)
    {
        string command;
        int responseNumber;
        command = "USER " + user + "\r\n";
        _control.Send(Encoding.ASCII.GetBytes(command));
        responseNumber = WaitResponse();
        if ({|#0:{|#1:responseNumber|} != 331|})
            {|#2:throw new IOException("user refused: " + responseNumber);|}
        command = "PASS " + password + "\r\n";
        _control.Send(Encoding.ASCII.GetBytes(command));
        responseNumber = WaitResponse();
        if ({|#3:{|#4:responseNumber|} != 230|})
            {|#5:throw new IOException("password refused: " + responseNumber);|}
    }
}
""";
        await VerifyCS.VerifyAsync(
            source,
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 0, 1, 2),
            VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 202 (command not implemented, superfluous at this site) is a positive completion reply to PASS, but this code handles it as an error: treat it as success", 3, 4, 5));
    }

    [Fact]
    public async Task Command_bytes_written_to_a_network_stream_async_answer_the_final_reply_tested_against_a_constant_of_another_class()
    {
        var source = Usings + """
using System.Net.Sockets;
using System.Text;

static class FtpCodes
{
    public const string DataOpening = "150";
    public static readonly string TransferComplete = "226";
}

class FtpConnection
{
    private NetworkStream _stream;
    private Task<string> ReadResponseAsync() => Task.FromResult("");

    public async Task DownloadAsync(string path, Stream target)
    {
        string cmd = "RETR " + path + "\r\n";
        byte[] bytes = Encoding.UTF8.GetBytes(cmd);
        await _stream.WriteAsync(bytes, 0, bytes.Length);
        string reply = await ReadResponseAsync();
        if (!reply.StartsWith(FtpCodes.DataOpening) && !reply.StartsWith("125"))
            throw new IOException(reply);
        reply = await ReadResponseAsync();
        if ({|#0:!{|#1:reply|}.StartsWith(FtpCodes.TransferComplete)|})
            {|#2:throw new IOException("download failed: " + reply);|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to RETR, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Command_line_written_with_a_stream_writer_answers_the_reply_of_the_own_reader_and_a_failed_status_is_the_error()
    {
        // The file's bytes written to the data stream are no command: the final reply is still STOR's.
        var source = Usings + """
enum TransferStatus { None, Done, CommandFailed }

class FtpConnection
{
    private StreamWriter _writer;
    private TransferStatus _status;
    private int GetReply() => 0;

    public void Upload(string name, Stream data, Stream source)
    {
        string cmd = "STOR " + name;
        _writer.WriteLine(cmd);
        _writer.Flush();
        int code = GetReply();
        if (code != 150 && code != 125)
            throw new IOException("store refused: " + code);
        var buffer = new byte[4096];
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            data.Write(buffer, 0, read);
        data.Close();
        code = GetReply();
        if ({|#0:{|#1:code|} != 226|})
        {
            _status = TransferStatus.CommandFailed;
            {|#2:return;|}
        }

        _status = TransferStatus.Done;
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 250 (requested file action okay, completed) is a positive completion reply to STOR, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    [Fact]
    public async Task Command_line_in_a_local_passed_to_the_own_send_method_is_the_command_sent()
    {
        var source = Usings + """
class FtpSession
{
    private int SendCommand(string command) => 331;

    public void Login(string user)
    {
        string command = "USER " + user;
        int code = SendCommand(command + "\r\n");
        if ({|#0:{|#1:code|} != 331|})
            {|#2:throw new UnauthorizedAccessException("login refused: " + code);|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PositiveCompletionAsError, "Reply 230 (user logged in, proceed) is a positive completion reply to USER, but this code handles it as an error: treat it as success", 0, 1, 2));
    }

    #endregion

    #region Does not report

    [Fact]
    public async Task Helpers_that_test_something_other_than_membership_make_no_check_method()
    {
        // IsMissing() answers the opposite of membership, Matches() is virtual (an override may test anything else):
        // the codes passed to these checks are not known to be the ones accepted.
        var source = Usings + """
class FtpReply
{
    public int Code { get; set; }
}

class FtpCommandBase
{
    protected FtpReply SendCommand(string verb, string argument) => new FtpReply();

    protected void ExpectNot(FtpReply reply, params int[] codes)
    {
        if (!IsMissing(reply.Code, codes))
            throw new IOException("Unexpected reply " + reply.Code);
    }

    protected void ExpectMatch(FtpReply reply, params int[] codes)
    {
        if (!Matches(reply.Code, codes))
            throw new IOException("Unexpected reply " + reply.Code);
    }

    private static bool IsMissing(int code, int[] listed)
    {
        foreach (var candidate in listed)
            if (candidate == code)
                return false;
        return true;
    }

    protected virtual bool Matches(int code, int[] listed) => System.Array.IndexOf(listed, code) >= 0;

    public void Run(string path)
    {
        ExpectNot(SendCommand("STAT", path), 213, 211);
        ExpectMatch(SendCommand("STAT", path), 213, 211);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Not_implemented_202_after_a_SITE_command_is_no_success()
    {
        // 202 to SITE says the site command is not implemented: the mode was not changed, and saying so is right.
        var source = Usings + """
enum FtpCmd { User, Pass, Site }

class FtpRequest
{
    public FtpRequest(FtpCmd command, params string[] arguments) { }
}

class FtpSession
{
    private int lastCode;

    private int SendRequest(FtpRequest request) => 0;

    private void Send(FtpRequest request) => lastCode = SendRequest(request);

    public void ChangeMode(string path, int mode)
    {
        var code = SendRequest(new FtpRequest(FtpCmd.Site, "CHMOD", mode.ToString(), path));
        if (code == 202)
            throw new IOException("CHMOD is not implemented on this server");
    }

    public void ChangeGroup(string path, string group)
    {
        // The reply lands in a field the void sender updates: the command is the one sent last before the test.
        Send(new FtpRequest(FtpCmd.Site, "CHGRP", group, path));
        if (lastCode == 202)
            throw new IOException("CHGRP is not implemented on this server");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Calls_of_methods_that_may_return_are_no_throw()
    {
        // Check() returns for some messages, Report() is virtual (an override may not throw), the async helper is not
        // awaited (its exception stays in the task): none of these calls surely ends the operation.
        var source = Usings + """
class FtpSession
{
    private void WriteLine(string line) { }
    private int ReadCode() => 0;

    private void Check(string message)
    {
        if (message.Length == 0)
        {
            return;
        }

        throw new IOException(message);
    }

    protected virtual void Report(string message) => throw new IOException(message);

    private async Task BailAsync(string message)
    {
        await Task.Yield();
        throw new IOException(message);
    }

    public void Store(string path)
    {
        WriteLine("STOR " + path);
        var code = ReadCode();
        code = ReadCode();
        if (code != 226)
            Check("upload failed");
        if (code != 226)
            Report("upload failed");
        if (code != 226)
            _ = BailAsync("upload failed");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task A_prefix_with_the_space_or_dash_after_the_code_tests_that_code()
    {
        // "213 " skips the continuation lines of a multi-line reply: it is the test of 213, and 213 returns.
        var source = Usings + """
class FtpSizes
{
    private StreamReader reader;
    private StreamWriter writer;

    long Size(string path)
    {
        writer.WriteLine("SIZE " + path);
        var line = reader.ReadLine();
        if (line.StartsWith("213 "))
            return long.Parse(line.Substring(4));
        if (line.StartsWith("550"))
            return -1;
        throw new IOException(line);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Calls_of_check_methods_that_accept_the_commands_positive_replies_or_test_no_reply_are_not_reported()
    {
        var source = Usings + """
class FtpSession
{
    private StreamReader reader;
    private StreamWriter writer;
    private int count;

    private string SendCommand(string command) { writer.WriteLine(command); writer.Flush(); return reader.ReadLine(); }

    private static void ExpectOneOf(string reply, params string[] accepted)
    {
        if (!accepted.Contains(reply.Substring(0, 3)))
            throw new IOException("Unexpected reply: " + reply);
    }

    // Compares two numbers, neither of them a reply.
    private static void Same(int actual, int expected)
    {
        if (actual != expected)
            throw new InvalidOperationException("expected " + expected);
    }

    public void Login(string user)
    {
        var reply = SendCommand("USER " + user);
        ExpectOneOf(reply, "230", "331", "332");
        reply = SendCommand("CWD /in");
        ExpectOneOf(reply, "250");
        Same(count, 200);
    }
}
""";
        await VerifyCS.VerifyAsync(source.Replace("using System;", "using System;\nusing System.Linq;"));
    }

    [Fact]
    public async Task Catch_around_parsing_the_reply_after_a_success_check_is_not_reported()
    {
        // Only 227 gets past the check; the catches are about the reply's text and the data connection, not the reply.
        var source = Usings + """
using System.Net.Sockets;

class FtpControl
{
    private int resultCode;
    private string result = "";

    private void SendCommand(string command) { resultCode = 0; }

    public Socket OpenDataSocket()
    {
        SendCommand("PASV");
        if (resultCode != 227) throw new IOException(result);

        int port;
        try
        {
            var numbers = result.Substring(result.IndexOf('(') + 1).TrimEnd(')').Split(',');
            port = (int.Parse(numbers[4]) << 8) + int.Parse(numbers[5]);
        }
        catch (FormatException ex)
        {
            throw new IOException("Malformed PASV reply: " + result, ex);
        }

        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect("127.0.0.1", port);
        }
        catch (Exception ex)
        {
            socket.Close();
            throw new IOException("Cannot open the data connection", ex);
        }

        return socket;
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Catch_around_local_work_on_the_success_branch_is_not_reported()
    {
        var source = Usings + """
class Mirror
{
    bool Fetch(FtpClient client, string remote, string local)
    {
        var reply = client.Execute("SIZE " + remote);
        if (reply.Code == "213")
        {
            try
            {
                File.WriteAllText(local + ".size", reply.Message);
            }
            catch (IOException)
            {
                return false;
            }
        }

        return true;
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Reply_to_a_command_whose_text_the_code_does_not_spell_out_is_not_attributed_to_an_earlier_command()
    {
        // The last command sent before the reply's read is cmd + path, whatever cmd is: not the SIZE sent before it.
        var source = Usings + """
class FtpControl
{
    private int SendCommand(string command) => 0;

    void Store(string path, bool append)
    {
        if (SendCommand("SIZE " + path) == 213)
            Console.WriteLine("exists");
        var cmd = append ? "APPE " : "STOR ";
        int code = SendCommand(cmd + path);
        if (code != 150 && code != 125)
            throw new IOException("store failed");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Category_success_check_is_not_reported()
    {
        var source = Usings + """
class Checker
{
    void Check(FtpWebResponse response, FtpReply reply)
    {
        if ((int)response.StatusCode / 100 != 2)
            throw new IOException(response.StatusDescription);
        if (reply.Type != FtpResponseType.PositiveCompletion)
            throw new FtpCommandException(reply);
        if (!reply.Code.StartsWith("2"))
            throw new IOException(reply.Message);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Full_positive_set_of_the_command_is_not_reported()
    {
        var source = Usings + """
class Checker
{
    void Stat(FtpClient client, string path)
    {
        var reply = client.Execute("STAT " + path);
        if (reply.Code is not ("211" or "212" or "213"))
            throw new IOException(reply.Message);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Whitelist_without_a_known_command_is_not_reported()
    {
        var source = Usings + """
class Checker
{
    void Check(FtpReply reply)
    {
        if (reply.Code != "226")
            throw new IOException(reply.Message);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Whitelist_with_all_of_the_commands_positive_replies_is_not_reported()
    {
        var source = Usings + """
class Downloader
{
    void Finish(FtpWebResponse response, FtpClient client)
    {
        var reply = client.Execute("RETR file.bin");
        if (reply.Code != "226" && reply.Code != "250")
            throw new IOException(reply.Message);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Success_path_of_a_2xx_is_not_reported()
    {
        var source = Usings + """
class Checker
{
    bool Check(FtpStatusCode status)
    {
        if (status == FtpStatusCode.DirectoryStatus || status == FtpStatusCode.FileStatus)
            return true;
        return false;
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Negative_codes_handled_as_errors_are_not_reported()
    {
        var source = Usings + """
class Checker
{
    void Check(FtpStatusCode status, FtpReply reply)
    {
        if (status == FtpStatusCode.CommandNotImplemented)
            throw new NotSupportedException();
        if (reply.Code == "550")
            throw new FileNotFoundException();
        if (!reply.Success)
            throw new FtpCommandException(reply);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Http_status_codes_are_not_ftp_replies()
    {
        var source = Usings + """
class Mixed
{
    void Check(HttpWebResponse http)
    {
        if (http.StatusCode == (HttpStatusCode)212)
            throw new Exception("odd");
        int code = (int)http.StatusCode;
        if (code == 202)
            throw new Exception("accepted is not enough here");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Null_as_no_error_and_normal_quit_are_not_reported()
    {
        var source = Usings + """
class FtpErrors
{
    string ErrorText(FtpReply reply)
    {
        if (reply.Code == "226")
            return null;
        return reply.ErrorMessage;
    }

    void Quit(FtpClient client)
    {
        var reply = client.Execute("QUIT");
        if (reply.Code == "221")
        {
            client.Disconnect();
            return;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Break_out_of_loop_on_success_is_not_reported()
    {
        var source = Usings + """
class Poller
{
    void Wait(FtpClient client)
    {
        while (true)
        {
            var reply = client.Execute("STAT");
            if (reply.Code == "211")
                break;
            Thread.Sleep(100);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Unrelated_numbers_are_not_reported()
    {
        var source = Usings + """
class FtpStats
{
    void Check(int count, int port)
    {
        if (count == 212)
            throw new Exception("count");
        if (port == 221)
            throw new Exception("port");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Check_of_the_preliminary_reply_is_not_reported()
    {
        var source = Usings + """
class FtpStore
{
    private int SendCommand(string command) => 150;
    private int ReadReply() => 226;

    public void Store(string name)
    {
        int code = SendCommand("STOR " + name);
        if (code != 150 && code != 125)
            throw new IOException("STOR refused: " + code);
        code = ReadReply();
        if (code != 226 && code != 250)
            throw new IOException("STOR failed: " + code);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Raw_writes_whose_command_the_code_does_not_say_or_that_send_no_command_are_not_attributed_to_an_earlier_command()
    {
        // A line given as a parameter is a command of its own; a reply read before a write is not the written command's;
        // TYPE written after RETR is the command answered; a data line is no command; 226 and 250 both accepted.
        var source = Usings + """
using System.Net.Sockets;
using System.Text;

class FtpConnection
{
    private Socket _control;
    private StreamWriter _writer;
    private int WaitResponse() => 0;

    public void Raw(string path, string line)
    {
        _control.Send(Encoding.ASCII.GetBytes("RETR " + path + "\r\n"));
        _control.Send(Encoding.ASCII.GetBytes(line));
        int code = WaitResponse();
        if (code != 226)
            throw new IOException("failed: " + code);
    }

    public void ReadFirst(string user)
    {
        int code = WaitResponse();
        string command = "USER " + user + "\r\n";
        _control.Send(Encoding.ASCII.GetBytes(command));
        if (code != 331)
            throw new IOException("refused: " + code);
    }

    public void SecondCommand(string path)
    {
        string command = "RETR " + path + "\r\n";
        _control.Send(Encoding.ASCII.GetBytes(command));
        command = "TYPE I\r\n";
        _control.Send(Encoding.ASCII.GetBytes(command));
        int code = WaitResponse();
        if (code != 200)
            throw new IOException("refused: " + code);
    }

    public void DataLine(string name)
    {
        _writer.WriteLine("hello " + name);
        _writer.Write("\r\n");
        int code = WaitResponse();
        if (code != 226)
            throw new IOException("failed: " + code);
    }

    public void Both(string path)
    {
        string command = "LIST " + path;
        _writer.WriteLine(command);
        int code = WaitResponse();
        code = WaitResponse();
        if (code != 226 && code != 250)
            throw new IOException("listing failed: " + code);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task A_bare_return_after_a_status_that_is_no_failure_is_not_an_error_path()
    {
        var source = Usings + """
enum TransferStatus { None, Pending, CommandFailed }

class FtpConnection
{
    private StreamWriter _writer;
    private TransferStatus _status;
    private int GetReply() => 0;

    public void Upload(string name)
    {
        string cmd = "STOR " + name;
        _writer.WriteLine(cmd);
        int code = GetReply();
        code = GetReply();
        if (code != 226)
        {
            _status = TransferStatus.Pending;
            return;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Download_status_tested_before_its_stream_is_read_is_the_first_reply_not_the_final_one()
    {
        // Right after GetResponse for a download or a listing, StatusCode is the 125 or 150 that opened the transfer:
        // the tests below never see RETR's or NLST's 226 or 250, so rejecting those is not what they do.
        var source = Usings + """
class Mirror
{
    void Download(Uri uri, Stream target)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        using (var response = (FtpWebResponse)request.GetResponse())
        {
            Expect(response);
            response.GetResponseStream().CopyTo(target);
        }
    }

    string[] Names(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.ListDirectory;
        var response = (FtpWebResponse)request.GetResponse();
        if (response.StatusCode != FtpStatusCode.ClosingData)
            throw new IOException(response.StatusDescription);
        using var reader = new StreamReader(response.GetResponseStream());
        return reader.ReadToEnd().Split('\n');
    }

    string[] NamesUnlessDry(Uri uri, bool dryRun)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.ListDirectory;
        var response = (FtpWebResponse)request.GetResponse();
        if (dryRun)
        {
            response.Close();
            return new string[0];
        }

        if (response.StatusCode != FtpStatusCode.ClosingData)
            throw new IOException(response.StatusDescription);
        using var reader = new StreamReader(response.GetResponseStream());
        return reader.ReadToEnd().Split('\n');
    }

    private static void Expect(FtpWebResponse response, FtpStatusCode expected = FtpStatusCode.FileActionOK)
    {
        if (response.StatusCode != expected)
            throw new IOException(response.StatusDescription);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Placeholder_throw_after_a_correct_test_is_no_error_handling()
    {
        var source = Usings + """
class Session
{
    private int SendCommand(string line) => 0;

    public void Status(string path)
    {
        int code = SendCommand("STAT " + path);
        if (code != 211 && code != 212 && code != 213)
            throw new IOException("STAT refused: " + code);
        throw new NotImplementedException();
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    #endregion
}
