using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.TransientReplyGivenUp>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class TransientReplyGivenUpTests
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

    private const string DeleteOnce = Usings + """
class Cleaner
{
    public async Task<bool> TryDeleteAsync(AsyncFtpClient client, string path)
    {
        var reply = await client.Execute("DELE " + path);
        if ({|#1:reply.Code|}.StartsWith("4"))
        {
            {|#0:return false;|}
        }

        return reply.Success;
    }
}
""";

    [Fact]
    public async Task Failure_returned_to_a_caller_in_another_file_that_skips_the_item_is_reported()
    {
        const string caller = Usings + """
class Batch
{
    public async Task RunAsync(AsyncFtpClient client, string[] paths)
    {
        var cleaner = new Cleaner();
        foreach (var path in paths)
        {
            await cleaner.TryDeleteAsync(client, path);
        }
    }
}
""";
        await VerifyCS.VerifyWithFileAsync(DeleteOnce, caller, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421 (service not available, closing control connection) and 450 (requested file action not taken; file unavailable) are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421", 0, 1));
    }

    [Theory]
    [InlineData("{|#1:reply.Code|} == \"426\"", "Reply 426 (connection closed; transfer aborted) is a transient 4xx reply, but this code gives up on it without retrying: retry the transfer with a bounded backoff, resuming with REST")]
    [InlineData("{|#1:reply.Code|}.StartsWith(\"4\")", "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451")]
    [InlineData("{|#1:reply.Type|} == FtpResponseType.TransientNegativeCompletion", "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451")]
    [InlineData("!{|#1:reply.Success|}", "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451")]
    [InlineData("{|#1:reply.Code|} is \"426\" or \"421\"", "Replies 421 (service not available, closing control connection) and 426 (connection closed; transfer aborted) are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; resume with REST after 426")]
    [InlineData("{|#1:int.Parse(reply.Code)|} >= 400", "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451")]
    [InlineData("{|#1:int.Parse(reply.Code)|} / 100 == 4", "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451")]
    // The reply of a property pattern is located at the property's name.
    [InlineData("reply is { {|#1:Code|}: \"425\" }", "Reply 425 (can't open data connection) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff, switching the data-connection mode (EPSV/PASV/PORT)")]
    public async Task FluentFtp_reply_conditions_that_select_4xx_and_throw(string condition, string message)
    {
        var source = Usings + $$"""
class Transfers
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR data.csv");
        if ({{condition}})
            {|#0:throw new InvalidOperationException("FTP failed");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, message, 0, 1));
    }

    [Fact]
    public async Task Async_FluentFtp_reply_returning_false_is_reported()
    {
        var source = Usings + """
class Sync
{
    async Task<bool> PushAsync(AsyncFtpClient client, CancellationToken token)
    {
        var reply = await client.Execute("STOR report.pdf", token);
        if ({|#1:reply.Code|} == "452")
        {
            Console.WriteLine("No space");
            {|#0:return false;|}
        }

        return true;
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 452 (requested action not taken: insufficient storage space) is a transient 4xx reply, but this code gives up on it without retrying: retry later with a bounded backoff", 0, 1));
    }

    [Fact]
    public async Task Switch_statement_case_426_returning_failed_status_is_reported()
    {
        var source = Usings + """
class Transfers
{
    FtpStatus Check(FtpReply reply)
    {
        switch ({|#1:reply.Code|})
        {
            case "226":
                return FtpStatus.Success;
            case "426":
            case "451":
                {|#0:return FtpStatus.Failed;|}
            default:
                throw new FtpCommandException(reply);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 426 (connection closed; transfer aborted) and 451 (requested action aborted: local error in processing) are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Switch_expression_arm_with_failure_value_is_reported()
    {
        var source = Usings + """
class Transfers
{
    bool Succeeded(FtpStatusCode status) => {|#1:status|} switch
    {
        FtpStatusCode.ClosingData or FtpStatusCode.FileActionOK => true,
        FtpStatusCode.CantOpenData => {|#0:false|},
        _ => throw new InvalidOperationException(status.ToString()),
    };
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 425 (can't open data connection) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff, switching the data-connection mode (EPSV/PASV/PORT)", 0, 1));
    }

    [Fact]
    public async Task Switch_expression_arm_with_throw_is_reported()
    {
        var source = Usings + """
class Transfers
{
    int Bytes(FtpStatusCode status, int count) => {|#1:status|} switch
    {
        FtpStatusCode.ClosingData => count,
        FtpStatusCode.ActionNotTakenFileUnavailableOrBusy => {|#0:throw new IOException("busy")|},
        _ => -1,
    };
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 450 (requested file action not taken; file unavailable) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff", 0, 1));
    }

    [Fact]
    public async Task Catch_when_filter_on_426_that_throws_a_new_exception_is_reported()
    {
        var source = Usings + """
class Downloader
{
    byte[] Download(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        try
        {
            using var response = (FtpWebResponse)request.GetResponse();
            using var stream = new MemoryStream();
            response.GetResponseStream().CopyTo(stream);
            return stream.ToArray();
        }
        {|#1:catch (WebException ex) when (ex.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
        {
            {|#0:throw new ApplicationException("download failed");|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 426 (connection closed; transfer aborted) is a transient 4xx reply, but this code gives up on it without retrying: retry the transfer with a bounded backoff, resuming with REST", 0, 1));
    }

    [Fact]
    public async Task Catch_of_WebException_around_FtpWebRequest_that_returns_false_is_reported()
    {
        var source = Usings + """
class Uploader
{
    bool Upload(Uri uri, byte[] data)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.UploadFile;
            using (var stream = request.GetRequestStream())
            {
                stream.Write(data, 0, data.Length);
            }

            using var response = (FtpWebResponse)request.GetResponse();
            return true;
        }
        {|#1:catch (WebException ex)
        {
            Console.WriteLine(ex.Message);
            {|#0:return false;|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450, 451 and 452 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Catch_of_FtpCommandException_that_exits_is_reported()
    {
        var source = Usings + """
class Program
{
    static void Main()
    {
        using var client = new FtpClient("ftp.example.com", "user", "pass");
        try
        {
            client.Connect();
            client.DownloadFile("local.bin", "/remote.bin");
        }
        {|#1:catch (FtpCommandException)
        {
            Console.Error.WriteLine("FTP error");
            {|#0:Environment.Exit(2);|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Catch_when_CompletionCode_starts_with_4_returning_null_is_reported()
    {
        var source = Usings + """
class Listing
{
    async Task<string> ReadAsync(AsyncFtpClient client)
    {
        try
        {
            await client.DownloadFile("a.txt", "/a.txt");
            return File.ReadAllText("a.txt");
        }
        {|#1:catch (FtpCommandException e) when (e.CompletionCode != null && e.CompletionCode.StartsWith("4"))
        {
            {|#0:return null;|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Hand_written_client_int_code_from_SendCommand_is_reported()
    {
        var source = Usings + """
class FtpConnection
{
    private int SendCommand(string command) => 226;

    public void Delete(string path)
    {
        int code = SendCommand("DELE " + path);
        if ({|#1:code|} == 450)
        {
            {|#0:throw new IOException("File busy: " + path);|}
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 450 (requested file action not taken; file unavailable) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff", 0, 1));
    }

    [Fact]
    public async Task Failed_status_set_before_a_bare_return_on_a_raw_written_command_is_reported()
    {
        // DELE written as socket bytes; a 450 sets the request's failed status and returns: the caller sees a failure.
        var source = Usings + """
using System.Net.Sockets;
using System.Text;

enum RequestStatus { None, Done, CommandFailed }

class FtpConnection
{
    private Socket _control;
    private RequestStatus _status;
    private int WaitResponse() => 0;

    public void Delete(string path)
    {
        string command = "DELE " + path + "\r\n";
        _control.Send(Encoding.ASCII.GetBytes(command));
        int code = WaitResponse();
        if ({|#1:code|} == 450)
        {
            _status = RequestStatus.CommandFailed;
            {|#0:return;|}
        }

        _status = RequestStatus.Done;
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 450 (requested file action not taken; file unavailable) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff", 0, 1));
    }

    [Fact]
    public async Task Hand_written_client_reply_line_parsed_from_first_three_characters_is_reported()
    {
        var source = Usings + """
class MiniFtp
{
    private readonly StreamReader _reader = new StreamReader(Stream.Null);

    public bool Retrieve(string name)
    {
        string line = _reader.ReadLine();
        int code = int.Parse(line.Substring(0, 3));
        if ({|#1:code|} >= 400 && code < 500)
        {
            {|#0:return false;|}
        }

        return true;
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 430, 431, 450, 451 and 452 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Hand_written_reply_property_with_pattern_range_is_reported()
    {
        var source = Usings + """
class FtpResponse
{
    public int ReplyCode { get; set; }
    public string Text { get; set; }
}

class Client
{
    FtpResponse Send(string command) => new FtpResponse();

    public void Store(string name)
    {
        var response = Send("STOR " + name);
        if ({|#1:response.ReplyCode|} is >= 400 and < 500)
            {|#0:throw new Exception("transfer failed");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450, 451 and 452 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Break_out_of_the_retry_loop_on_4xx_is_reported()
    {
        var source = Usings + """
class Poller
{
    void Poll(FtpClient client)
    {
        for (var i = 0; i < 10; i++)
        {
            var reply = client.Execute("STAT /incoming");
            if ({|#1:reply.Type|} == FtpResponseType.TransientNegativeCompletion)
            {
                {|#0:break;|}
            }

            Thread.Sleep(1000);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421 (service not available, closing control connection) and 450 (requested file action not taken; file unavailable) are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421", 0, 1));
    }

    [Fact]
    public async Task Lumped_4xx_and_5xx_threshold_is_reported()
    {
        var source = Usings + """
class Transfers
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR big.iso");
        int code = int.Parse(reply.Code);
        if ({|#1:code|} >= 400)
        {
            {|#0:throw new Exception("Server refused the download");|}
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Close_and_return_in_a_lambda_is_reported()
    {
        var source = Usings + """
class Jobs
{
    void Schedule(FtpClient client)
    {
        Action job = () =>
        {
            var reply = client.Execute("RETR nightly.zip");
            if ({|#1:reply.Code|} == "421")
            {
                client.Disconnect();
                {|#0:return;|}
            }
        };
        job();
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 421 (service not available, closing control connection) is a transient 4xx reply, but this code gives up on it without retrying: reconnect, then retry with a bounded backoff; never retry on the same connection", 0, 1));
    }

    [Fact]
    public async Task Status_cast_to_int_compared_with_a_number_is_reported()
    {
        var source = Usings + """
class Downloader
{
    void Get(FtpWebResponse response)
    {
        if ((int){|#1:response.StatusCode|} == 451)
            {|#0:throw new IOException("server error");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 451 (requested action aborted: local error in processing) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff, resuming transfers with REST", 0, 1));
    }


    [Fact]
    public async Task Nested_reply_test_inside_a_WebException_catch_is_reported()
    {
        var source = Usings + """
class Lister
{
    string[] List(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.ListDirectoryDetails;
            using var response = (FtpWebResponse)request.GetResponse();
            using var reader = new StreamReader(response.GetResponseStream());
            return reader.ReadToEnd().Split('\n');
        }
        catch (WebException ex)
        {
            var response = (FtpWebResponse)ex.Response;
            if (response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailableOrBusy)
                return Array.Empty<string>();
            if ({|#1:response.StatusCode|} == FtpStatusCode.CantOpenData)
            {
                Console.WriteLine("no data connection");
                {|#0:return null;|}
            }

            throw;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 425 (can't open data connection) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff, switching the data-connection mode (EPSV/PASV/PORT)", 0, 1));
    }

    [Fact]
    public async Task Exception_message_naming_the_code_is_a_reply_test()
    {
        var source = Usings + """
class Uploader
{
    bool Upload(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.UploadFile;
            using var response = (FtpWebResponse)request.GetResponse();
            return true;
        }
        catch (WebException ex)
        {
            if (ex.Message.Contains("550"))
                return false;
            if ({|#1:ex.Message|}.Contains("(426)"))
                {|#0:return false;|}
            throw;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 426 (connection closed; transfer aborted) is a transient 4xx reply, but this code gives up on it without retrying: retry the transfer with a bounded backoff, resuming with REST", 0, 1));
    }

    [Fact]
    public async Task Local_function_tried_once_in_a_loop_is_not_reported_but_a_fire_and_forget_lambda_is()
    {
        var source = Usings + """
class Transfers
{
    void Run(AsyncFtpClient client)
    {
        bool TryOnce()
        {
            var reply = client.Execute("RETR a").Result;
            if (reply.Code == "426")
                return false;
            return true;
        }

        for (var attempt = 0; attempt < 3 && !TryOnce(); attempt++)
        {
            Thread.Sleep(100);
        }

        Task.Run(async () =>
        {
            var reply = await client.Execute("STOR b");
            if ({|#1:reply.Code|} == "451")
                {|#0:throw new IOException("local error");|}
        });
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 451 (requested action aborted: local error in processing) is a transient 4xx reply, but this code gives up on it without retrying: retry with a bounded backoff, resuming transfers with REST", 0, 1));
    }

    [Fact]
    public async Task Catch_all_around_a_private_helper_that_makes_the_request_is_reported_with_the_helpers_command()
    {
        var source = Usings + """
class Uploader
{
    public bool Upload(Uri uri, Stream data)
    {
        try
        {
            UploadHelper(uri, data);
            return true;
        }
        {|#1:catch (Exception e)
        {
            Console.Error.WriteLine(e.Message);
            {|#0:return false;|}
        }|}
    }

    private void UploadHelper(Uri uri, Stream data)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.UploadFile;
        using (var target = request.GetRequestStream())
        {
            data.CopyTo(target);
        }

        request.GetResponse().Close();
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450, 451 and 452 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Catch_around_a_FluentFTP_call_names_the_replies_of_the_command_it_sends()
    {
        // DeleteFile sends DELE: its transient replies are 421 and 450, not the data connection's 425 or 426.
        var source = Usings + """
class Cleanup
{
    public async Task<bool> RemoveAsync(AsyncFtpClient client, string path, CancellationToken token)
    {
        try
        {
            await client.DeleteFile(path, token);
            return true;
        }
        {|#1:catch (FtpCommandException)
        {
            {|#0:return false;|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421 (service not available, closing control connection) and 450 (requested file action not taken; file unavailable) are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421", 0, 1));
    }

    [Fact]
    public async Task Catch_names_the_replies_of_the_request_made_before_the_try_by_the_projects_own_factory()
    {
        var source = Usings + """
class Downloads
{
    private FtpWebRequest CreateRequest(string path, string method)
    {
        var request = (FtpWebRequest)WebRequest.Create("ftp://example.com/" + path);
        request.Method = method;
        return request;
    }

    public MemoryStream? Read(string path)
    {
        var request = CreateRequest(path, WebRequestMethods.Ftp.DownloadFile);
        var copy = new MemoryStream();
        try
        {
            using (var response = (FtpWebResponse)request.GetResponse())
                response.GetResponseStream().CopyTo(copy);
            return copy;
        }
        {|#1:catch
        {
            {|#0:return null;|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task A_check_that_also_does_the_work_gives_up_when_it_returns_false()
    {
        var source = Usings + """
class Cleaner
{
    public bool CheckAndDeleteFile(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            request.GetResponse().Close();
            return true;
        }
        {|#1:catch (WebException)
        {
            {|#0:return false;|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421 (service not available, closing control connection) and 450 (requested file action not taken; file unavailable) are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421", 0, 1));
    }

    [Fact]
    public async Task Catch_all_around_a_private_partial_helper_is_reported()
    {
        var source = Usings + """
partial class Uploader
{
    public bool Upload(Uri uri)
    {
        try
        {
            UploadHelper(uri);
            return true;
        }
        {|#1:catch (Exception)
        {
            {|#0:return false;|}
        }|}
    }

    private partial void UploadHelper(Uri uri);
}

partial class Uploader
{
    private partial void UploadHelper(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.UploadFile;
        request.GetRequestStream().Close();
        request.GetResponse().Close();
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450, 451 and 452 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    #endregion

    #region Does not report

    [Fact]
    public async Task Exception_type_chosen_by_the_reply_test_tells_the_caller_which_reply_it_was()
    {
        // 425 and a timeout end in different exception types: a caller can catch the data-connection one and retry.
        var source = Usings + """
class DataConnectionException : Exception
{
    public DataConnectionException(string message) : base(message) { }
}

class FtpSession
{
    private int lastCode;

    private int ReadCode() => 0;

    private void WaitForData(bool connected)
    {
        lastCode = ReadCode();
        if (!connected)
        {
            if (lastCode == 425)
                throw new DataConnectionException("The server could not open the data connection.");
            else
                throw new TimeoutException("The data connection timed out.");
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Switch_that_throws_one_type_for_transient_replies_and_others_for_permanent_ones_is_not_reported()
    {
        // The type says which kind of reply it was: a caller can catch TryLaterException and retry.
        var source = Usings + """
class TryLaterException : Exception
{
    public TryLaterException(string message) : base(message) { }
}

class RefusedException : Exception
{
    public RefusedException(string message) : base(message) { }
}

class FtpQuery
{
    protected void HandleErrorReply(int code, string text)
    {
        switch (code)
        {
            case 425:
            case 426: throw new TryLaterException("data connection: " + text);
            case 450: throw new TryLaterException("file busy: " + text);
            case 500:
            case 501: throw new ArgumentException("syntax: " + text);
            case 550: throw new RefusedException("not taken: " + text);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Switch_that_throws_the_same_type_for_transient_and_permanent_replies_is_reported()
    {
        var source = Usings + """
class FtpQuery
{
    protected void HandleErrorReply(int code, string text)
    {
        switch ({|#1:code|})
        {
            case 426: {|#0:throw new IOException("aborted: " + text);|}
            case 550: throw new IOException("not taken: " + text);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Reply 426 (connection closed; transfer aborted) is a transient 4xx reply, but this code gives up on it without retrying: retry the transfer with a bounded backoff, resuming with REST", 0, 1));
    }

    [Theory]
    [InlineData("""
    private void MakeHelper(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.MakeDirectory;
        request.GetResponse().Close();
    }
""")]
    [InlineData("""
    private void MakeHelper(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.UploadFile;
            request.GetResponse().Close();
        }
        catch (WebException e)
        {
            Console.Error.WriteLine(e.Status);
        }
    }
""")]
    [InlineData("""
    private void MakeHelper(Uri uri)
    {
        System.Threading.Tasks.Task.Run(() =>
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.UploadFile;
            request.GetResponse().Close();
        });
    }
""")]
    public async Task Catch_all_around_a_private_helper_that_lets_out_no_transient_reply_is_not_reported(string helper)
    {
        // MKD's only 4xx is 421, passed up by returning failure; a helper that keeps the WebException, or makes the
        // request in a task, lets none out to the catch.
        var source = Usings + """
class Folders
{
    public bool Make(Uri uri)
    {
        try
        {
            MakeHelper(uri);
            return true;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e.Message);
            return false;
        }
    }

""" + helper + """
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Theory]
    [InlineData("""
    private async Task<bool> TestConnectionAsync(Uri uri)
    {
        return await Task.Run(() =>
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = WebRequestMethods.Ftp.ListDirectory;
                using var response = (FtpWebResponse)request.GetResponse();
                return true;
            }
            catch
            {
                return false;
            }
        });
    }
""")]
    [InlineData("""
    private bool CheckServerAccess(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.ListDirectory;
            using var response = (FtpWebResponse)request.GetResponse();
            return true;
        }
        catch (WebException)
        {
            return false;
        }
    }
""")]
    [InlineData("""
    public Stream? Download(Uri uri, bool ignoreErrors = false)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DownloadFile;
            var copy = new MemoryStream();
            using (var response = (FtpWebResponse)request.GetResponse())
                response.GetResponseStream().CopyTo(copy);
            return copy;
        }
        catch (WebException)
        {
            if (!ignoreErrors)
            {
                throw;
            }

            return null;
        }
    }
""")]
    [InlineData("""
    public bool test(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.ListDirectory;
            using var response = (FtpWebResponse)request.GetResponse();
            return true;
        }
        catch (WebException)
        {
            return false;
        }
    }
""")]
    public async Task Probes_and_give_ups_the_caller_opts_into_are_not_reported(string member)
    {
        // A probe's false is its answer; a method that rethrows unless its caller passes ignoreErrors: true leaves
        // giving up to that caller.
        var source = Usings + "class Site\n{\n" + member + "}\n";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Give_up_that_the_default_of_the_callers_switch_takes_is_reported()
    {
        var source = Usings + """
class Site
{
    public Stream? Download(Uri uri, bool throwOnError = false)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DownloadFile;
            var copy = new MemoryStream();
            using (var response = (FtpWebResponse)request.GetResponse())
                response.GetResponseStream().CopyTo(copy);
            return copy;
        }
        {|#1:catch (WebException)
        {
            if (throwOnError)
            {
                throw;
            }

            {|#0:return null;|}
        }|}
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421, 425, 426, 450 and 451 are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421; switch the data-connection mode after 425; resume with REST after 426 and 451", 0, 1));
    }

    [Fact]
    public async Task Reply_object_of_the_projects_own_class_handed_to_the_exception_is_passed_on()
    {
        var source = Usings + """
class ServerReply
{
    public int Code { get; set; }
    public string Text { get; set; } = "";
}

class ReplyException : Exception
{
    public ReplyException(ServerReply reply) : base(reply.Text) => Code = reply.Code;

    public int Code { get; }
}

class Session
{
    private ServerReply ReadReply() => new ServerReply();

    public ServerReply Expect()
    {
        var reply = ReadReply();
        if (reply.Code >= 400)
            throw new ReplyException(reply);
        return reply;
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Catch_all_after_a_catch_of_the_calls_own_exception_receives_no_reply()
    {
        // The WebException catch is reported; the catch-all after it sees only other failures.
        var source = Usings + """
class Cleaner
{
    public bool Delete(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            request.GetResponse().Close();
            return true;
        }
        {|#1:catch (WebException e)
        {
            Console.Error.WriteLine(e.Message);
            {|#0:return false;|}
        }|}
        catch (Exception e)
        {
            Console.Error.WriteLine(e.Message);
            return false;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.TransientReplyGivenUp, "Replies 421 (service not available, closing control connection) and 450 (requested file action not taken; file unavailable) are transient 4xx replies, but this code gives up on them without retrying: retry with a bound and a backoff; reconnect first after 421", 0, 1));
    }

    [Fact]
    public async Task Failure_returned_to_callers_in_another_file_that_retry_it_or_pass_it_up_is_not_reported()
    {
        // The try-once method's callers: one retries it (the async twin of a do/while with attempts), one passes its
        // answer up to its own caller.
        const string callers = Usings + """
class Batch
{
    public async Task<bool> DeleteAsync(AsyncFtpClient client, string path)
    {
        var cleaner = new Cleaner();
        bool ok;
        var attemptsLeft = 3;
        do
        {
            ok = await cleaner.TryDeleteAsync(client, path).ConfigureAwait(false);
            attemptsLeft--;
        }
        while (!ok && attemptsLeft > 0);
        return ok;
    }

    public async Task<string?> DeleteOnceAsync(AsyncFtpClient client, string path)
    {
        var ok = await new Cleaner().TryDeleteAsync(client, path);
        return ok ? path : null;
    }
}
""";
        await VerifyCS.VerifyWithFileAsync(DeleteOnce.Replace("{|#1:", string.Empty).Replace("{|#0:", string.Empty).Replace("|}", string.Empty), callers);
    }

    [Fact]
    public async Task Throw_on_421_alone_passes_the_reconnect_up_and_is_not_reported()
    {
        // 421: the server closes the control connection; nothing can be retried on it, the owner of the connection
        // reconnects. (Breaking out of a retry loop or exiting on 421 is still reported.)
        var source = Usings + """
class Session
{
    void Login(FtpClient client)
    {
        var reply = client.Execute("NOOP");
        if (reply.Success)
            return;
        if (reply.Code == "421")
            throw new InvalidOperationException("Server went away");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Status_tested_on_the_response_GetResponse_returned_is_not_reported()
    {
        // FtpWebRequest throws WebException for every 4xx and 5xx: this test never sees 426, the catch (or the caller) does.
        var source = Usings + """
class Downloader
{
    void Download(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        using var response = (FtpWebResponse)request.GetResponse();
        if (response.StatusCode == FtpStatusCode.ConnectionClosed)
        {
            throw new IOException("Transfer aborted");
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Reply_class_that_throws_itself_on_421_is_not_reported()
    {
        // The exception carries the reply (this): the caller can tell 421 and reconnect.
        var source = Usings + """
class ServerDownException : Exception
{
    public ServerDownException(FtpServerResponse response) : base(response.Message) { }
}

class FtpServerResponse
{
    public int Code { get; private set; }
    public string Message { get; private set; } = "";

    public void Read(TextReader reader)
    {
        var line = reader.ReadLine() ?? "";
        Code = int.Parse(line.Substring(0, 3));
        Message = line;
        if (Code == 421 || Code == 450)
            throw new ServerDownException(this);
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task False_answered_by_a_question_method_is_not_reported()
    {
        // DirectoryExists, IsConnected, HasFile: false answers the question; the caller decides what it means.
        var source = Usings + """
class Questions
{
    bool CanWrite(FtpClient client, string path)
    {
        try
        {
            client.DeleteFile(path + "/probe");
        }
        catch (FtpCommandException)
        {
            return false;
        }

        return true;
    }

    bool IsBusy(FtpWebResponse response) => response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailableOrBusy ? false : true;

    bool HasFile(int replyCode)
    {
        if (replyCode == 450)
            return false;
        return true;
    }

    private readonly string uri = "ftp://127.0.0.1/";

    // A probe without parameters, the question word inside the name: is the connection valid now?
    bool ConnectionIsValid()
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.ListDirectory;
        try
        {
            using (request.GetResponse())
                return true;
        }
        catch (WebException)
        {
            return false;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Rethrow_is_not_reported()
    {
        var source = Usings + """
class Downloader
{
    void Get(FtpClient client)
    {
        try
        {
            client.DownloadFile("a", "/a");
        }
        catch (FtpCommandException e) when (e.CompletionCode == "426")
        {
            Console.WriteLine("aborted");
            throw;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Exception_that_carries_the_reply_or_the_cause_is_not_reported()
    {
        var source = Usings + """
class FtpTransferException : Exception
{
    public FtpTransferException(int code, string text) : base(text) { Code = code; }
    public int Code { get; }
}

class Transfers
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "426")
            throw new FtpCommandException(reply);
        if (reply.Code == "425")
            throw new FtpTransferException(int.Parse(reply.Code), reply.Message);
        try { client.DownloadFile("a", "/a"); }
        catch (FtpCommandException ex) { throw new InvalidOperationException("download failed", ex); }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Continue_in_retry_loop_is_not_reported()
    {
        var source = Usings + """
class Transfers
{
    void Run(FtpClient client)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var reply = client.Execute("RETR a");
            if (reply.Code == "426")
            {
                Thread.Sleep(1000 * attempt);
                continue;
            }

            return;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Give_up_after_the_last_attempt_is_not_reported()
    {
        var source = Usings + """
class Transfers
{
    void Run(FtpClient client)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = client.Execute("RETR a");
            if (reply.Code.StartsWith("4"))
            {
                if (attempt >= 3)
                    throw new IOException("still failing");
                Thread.Sleep(500);
                continue;
            }

            if (reply.Code == "426" && attempt == 3)
                throw new IOException("aborted three times");
            break;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Polly_style_retry_delegate_is_not_reported()
    {
        var source = Usings + """
static class RetryPolicy
{
    public static T ExecuteWithRetry<T>(Func<T> action, int attempts) => action();
}

class Transfers
{
    bool Run(FtpClient client) => RetryPolicy.ExecuteWithRetry(() =>
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "426")
            throw new IOException("aborted");
        return true;
    }, 3);
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Try_once_method_called_only_from_a_loop_is_not_reported()
    {
        var source = Usings + """
class Transfers
{
    private bool TryDownloadOnce(FtpClient client, string path)
    {
        var reply = client.Execute("RETR " + path);
        if (reply.Code == "426")
            return false;
        return true;
    }

    public void Download(FtpClient client, string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (TryDownloadOnce(client, path))
                return;
            Thread.Sleep(200);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Try_once_method_called_from_a_loop_by_a_name_written_with_a_unicode_escape_is_not_reported()
    {
        // The caller's text does not show the name (\u004F is O): the callers are still found.
        var source = Usings + """
class Transfers
{
    private bool TryDownloadOnce(FtpClient client, string path)
    {
        var reply = client.Execute("RETR " + path);
        if (reply.Code == "426")
            return false;
        return true;
    }

    public void Download(FtpClient client, string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (TryDownload\u004Fnce(client, path))
                return;
            Thread.Sleep(200);
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Permanent_5xx_give_up_is_not_reported()
    {
        var source = Usings + """
class Transfers
{
    void Run(FtpClient client, FtpWebResponse response)
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "550")
            throw new FileNotFoundException("missing");
        if (reply.Type == FtpResponseType.PermanentNegativeCompletion)
            throw new IOException("refused");
        if (response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailable)
            throw new FileNotFoundException("missing");
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
    bool Check(HttpWebResponse http, int statusCode)
    {
        if (http.StatusCode == (HttpStatusCode)426)
            throw new Exception("upgrade required");
        int code = (int)http.StatusCode;
        if (code == 426)
            return false;
        if ((int)http.StatusCode >= 400)
            return false;
        return true;
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Unrelated_integer_is_not_a_reply_code()
    {
        var source = Usings + """
class FtpStats
{
    bool Check(int count, int[] sizes)
    {
        if (count == 426)
            return false;
        if (sizes.Length >= 400)
            throw new Exception("too many");
        return true;
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Expected_negatives_are_not_reported()
    {
        var source = Usings + """
class Lister
{
    string[] List(FtpClient client)
    {
        var reply = client.Execute("NLST /empty");
        if (reply.Code == "450")
            return Array.Empty<string>();
        return new[] { reply.Message };
    }

    void Cancel(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        request.Abort();
        try
        {
            request.GetResponse();
        }
        catch (WebException ex) when (ex.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
        {
            return;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Whitelist_complement_is_not_reported()
    {
        var source = Usings + """
class Transfers
{
    void Run(FtpWebResponse response)
    {
        if (response.StatusCode != FtpStatusCode.ClosingData && response.StatusCode != FtpStatusCode.FileActionOK)
            throw new IOException("Transfer did not complete");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Catch_that_retries_with_a_helper_is_not_reported()
    {
        var source = Usings + """
class Transfers
{
    void ScheduleRetry(string path) { }

    void Run(FtpClient client, string path)
    {
        try
        {
            client.DownloadFile(path, path);
        }
        catch (FtpCommandException)
        {
            ScheduleRetry(path);
            return;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Give_up_after_a_retry_loop_is_not_reported()
    {
        var source = Usings + """
class Transfers
{
    void Run(FtpClient client)
    {
        FtpReply reply;
        var tries = 0;
        do
        {
            reply = client.Execute("RETR a");
        }
        while (reply.Code.StartsWith("4") && ++tries < 3);

        if (!reply.Success)
            throw new IOException("giving up after " + tries + " tries");
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Polly_policy_delegate_is_not_reported()
    {
        var source = Usings + """
namespace Polly
{
    public class RetryPolicy
    {
        public void Execute(Action action) => action();
    }
}

class Transfers
{
    void Run(FtpClient client, Polly.RetryPolicy policy)
    {
        policy.Execute(() =>
        {
            var reply = client.Execute("STOR a");
            if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                throw new IOException("transient");
        });
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    #endregion
}
