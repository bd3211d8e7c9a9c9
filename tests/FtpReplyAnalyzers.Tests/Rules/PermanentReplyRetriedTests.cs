using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.PermanentReplyRetried>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class PermanentReplyRetriedTests
{
    #region Reports

    [Fact]
    public async Task A_loop_that_ends_when_a_done_flag_is_set_retries_what_it_catches()
    {
        var source = Snippets.Usings + """
class Uploader
{
    void Upload(FtpClient client)
    {
        var done = false;
        while (!done)
        {
            try
            {
                client.UploadFile("a", "/a");
                done = true;
            }
            catch {|FTPR0003:(FtpCommandException e)|}
            {
                Console.WriteLine(e.Message);
            }
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }


    [Theory]
    // A retry loop whose condition lets 5xx in.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            var reply = client.Execute("RETR a");
            if ({|#0:{|#1:{|#2:int.Parse(reply.Code)|} >= 400|}|})
                continue;
            break;
        }
    }
""", "Replies 500, 501, 530 and 550 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // continue on 550.
    [InlineData("""
    void Run(FtpClient client)
    {
        while (true)
        {
            var reply = client.Execute("DELE a");
            if ({|#0:{|#1:{|#2:reply.Code|} == "550"|}|})
            {
                Thread.Sleep(1000);
                continue;
            }
            return;
        }
    }
""", "Reply 550 (requested action not taken; file unavailable) is a permanent negative reply, but this code retries it: do not retry it unchanged")]
    // !Success lumps 4xx and 5xx.
    [InlineData("""
    async Task RunAsync(AsyncFtpClient client)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var reply = await client.Execute("STOR a");
            if ({|#0:{|#1:!{|#2:reply.Success|}|}|})
            {
                await Task.Delay(500);
                continue;
            }
            return;
        }
    }
""", "Replies 500, 501, 530, 532, 551, 552 and 553 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // A range that lets 500 in.
    [InlineData("""
    void Run()
    {
        for (var i = 0; i < 3; i++)
        {
            int code = SendCommand("RETR a");
            if ({|#0:{|#1:{|#2:code|} >= 400 && code <= 500|}|})
                continue;
            break;
        }
    }
""", "Reply 500 (syntax error, command unrecognized) is a permanent negative reply, but this code retries it: do not retry it unchanged")]
    // A catch in a retry loop that retries every WebException.
    [InlineData("""
    byte[] Run(Uri uri)
    {
        for (var i = 0; i < 3; i++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                using var response = (FtpWebResponse)request.GetResponse();
                return new byte[0];
            }
            {|#1:{|#2:catch {|#0:(WebException ex)|}
            {
                Console.WriteLine(ex.Message);
                Thread.Sleep(1000);
            }|}|}
        }
        return null;
    }
""", "Replies 500, 501, 502, ..., 554 (19 codes) are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // A catch filter that selects 5xx.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            try
            {
                client.DownloadFile("a", "/a");
                return;
            }
            catch (FtpCommandException e) when ({|#0:{|#1:{|#2:e.CompletionCode|} == "550"|}|})
            {
                Thread.Sleep(100);
            }
        }
    }
""", "Reply 550 (requested action not taken; file unavailable) is a permanent negative reply, but this code retries it: do not retry it unchanged")]
    // Polly-style predicate.
    [InlineData("""
    static class Policy
    {
        public static object Handle<T>(Func<T, bool> predicate) => null;
    }

    void Configure()
    {
        Policy.Handle<FtpCommandException>(e => {|#0:{|#1:{|#2:e.CompletionCode|} == "550"|}|});
    }
""", "Reply 550 (requested action not taken; file unavailable) is a permanent negative reply, but this code retries it: do not retry it unchanged")]
    // A ShouldRetry predicate that says yes to 5xx.
    [InlineData("""
    bool ShouldRetry(FtpReply reply)
    {
        if ({|#0:{|#1:{|#2:reply.Code|}.StartsWith("5")|}|})
            return true;
        return false;
    }
""", "Replies 500, 501, 502, ..., 554 (19 codes) are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // An IsTransient predicate returning a lumped test.
    [InlineData("""
    static bool IsTransient(FtpWebResponse response) => {|#0:{|#1:(int){|#2:response.StatusCode|} >= 400|}|};
""", "Replies 500, 501, 502, ..., 554 (19 codes) are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // A do-while on the status.
    [InlineData("""
    void Run(FtpClient client)
    {
        FtpReply reply = client.Execute("STOR a");
        while ({|#0:{|#1:{|#2:reply.Type|} == FtpResponseType.PermanentNegativeCompletion|}|})
        {
            Thread.Sleep(1000);
            reply = client.Execute("STOR a");
        }
    }
""", "Replies 500, 501, 530, 532, 551, 552 and 553 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // A switch section that continues on 5xx.
    [InlineData("""
    void Run()
    {
        for (var i = 0; i < 3; i++)
        {
            int code = SendCommand("RNTO x");
            switch ({|#2:code|})
            {
                case 250:
                    return;
                {|#0:{|#1:case 553:|}|}
                    continue;
                default:
                    return;
            }
        }
    }
""", "Reply 553 (requested action not taken: file name not allowed) is a permanent negative reply, but this code retries it: do not retry it unchanged; change the file name")]
    // A lumped test: the 5xx side is reported, the whole test is the one to narrow.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            var reply = client.Execute("RETR a");
            if ({|#1:{|#2:reply.Code|} == "421" || {|#0:reply.Code == "550"|}|})
                continue;
            break;
        }
    }
""", "Reply 550 (requested action not taken; file unavailable) is a permanent negative reply, but this code retries it: do not retry it unchanged")]
    // A pattern that lets 5xx in.
    [InlineData("""
    void Run()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            int code = SendCommand("STOR a");
            if ({|#0:{|#1:{|#2:code|} is 450 or 553|}|})
            {
                Thread.Sleep(500);
                continue;
            }
            return;
        }
    }
""", "Reply 553 (requested action not taken: file name not allowed) is a permanent negative reply, but this code retries it: do not retry it unchanged; change the file name")]
    // A retry loop whose condition also counts the attempts: the count bounds the retries, the reply test chooses them.
    [InlineData("""
    void Run()
    {
        var attempts = 0;
        int code;
        do
        {
            code = SendCommand("RETR a");
        }
        while ({|#0:{|#1:{|#2:code|} >= 400|}|} && attempts++ < 5);
    }
""", "Replies 500, 501, 530 and 550 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // A retry loop that falls through to its next pass for every reply but the success it returns on: DELE's own 5xx.
    [InlineData("""
    bool Run(string name)
    {
        {|#0:for|} (var attempt = 0; attempt < 3; attempt++)
        {
            int code = SendCommand("DELE " + name);
            if ({|#1:{|#2:code|} == 250|})
                return true;
            Thread.Sleep(500);
        }

        return false;
    }
""", "Replies 500, 501, 502, 530 and 550 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // A catch filter that bounds the attempts beside the reply test, in a loop without a condition.
    [InlineData("""
    void Run(string uri)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            try
            {
                using (request.GetResponse())
                    return;
            }
            catch (WebException ex) when (ex.Response is FtpWebResponse response && {|#0:{|#1:{|#2:response.StatusCode|} == FtpStatusCode.ActionNotTakenFileUnavailable|}|} && attempt < 3)
            {
                Thread.Sleep(1000);
            }
        }
    }
""", "Reply 550 (requested action not taken; file unavailable) is a permanent negative reply, but this code retries it: do not retry it unchanged")]
    // A while condition that sends the command again itself, with an attempt bound beside the reply test.
    [InlineData("""
    bool Run(string name)
    {
        int code;
        var attempts = 0;
        while ({|#0:{|#1:(code = {|#2:SendCommand("DELE " + name)|}) != 250|}|} && attempts++ < 5)
            Thread.Sleep(1000);
        return code == 250;
    }
""", "Replies 500, 501, 502, 530 and 550 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    // A list of the project's own enum of reply codes, with 550 in it, tested with Contains before continue.
    [InlineData("""
    enum FtpReplyCode { FileActionOk = 250, FileBusy = 450, FileUnavailable = 550 }

    static readonly FtpReplyCode[] Retryable = { FtpReplyCode.FileBusy, FtpReplyCode.FileUnavailable };

    void Run(string name)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var code = (FtpReplyCode)SendCommand("DELE " + name);
            if ({|#0:{|#1:Retryable.Contains({|#2:code|})|}|})
            {
                Thread.Sleep(1000);
                continue;
            }

            if (code != FtpReplyCode.FileActionOk)
                throw new IOException("DELE failed: " + code);
            return;
        }
    }
""", "Reply 550 (requested action not taken; file unavailable) is a permanent negative reply, but this code retries it: do not retry it unchanged")]
    public async Task Retry_paths_that_take_5xx_are_reported(string members, string message)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members), VerifyCS.Diagnostic(DiagnosticIds.PermanentReplyRetried, message, 0, 1, 2));
    }

    // The codes an earlier catch's filter surely takes do not reach the catch after it; a filter that also reads the
    // attempt counter takes them only on some passes.
    [Theory]
    [InlineData("e.CompletionCode is \"550\" or \"553\"", "Replies 500, 501, 530, 532, 551 and 552 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    [InlineData("e.CompletionCode is \"553\" && attempt > 1", "Replies 500, 501, 530, 532, 551, 552 and 553 are permanent negative replies, but this code retries them: retry only 4xx replies; on a 5xx, fail or change the request")]
    public async Task Codes_an_earlier_filtered_catch_surely_takes_are_not_named_for_the_catch_after_it(string filter, string message)
    {
        var source = Snippets.Usings + """
class Uploads
{
    void Upload(FtpClient client, string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                client.UploadFile(path, "/in/" + path);
                return;
            }
            catch (FtpCommandException e) when (
""" + filter + """
)
            {
                throw;
            }
            {|#1:{|#2:catch {|#0:(FtpCommandException)|}
            {
                Thread.Sleep(1000);
            }|}|}
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.PermanentReplyRetried, message, 0, 1, 2));
    }

    #endregion

    #region Does not report

    [Fact]
    public async Task Loops_over_items_and_passes_that_change_the_request_retry_nothing_by_falling_through()
    {
        // Each pass of the first loop sends another file's DELE; the second sets up a new transfer type before the next
        // RETR; the third retries a 550 only when the server says the file is busy, a test of more than the attempts.
        var source = Snippets.InClass("""
    bool DeleteAll(string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            int code = SendCommand("DELE " + names[i]);
            if (code == 421)
                return false;
            Console.WriteLine("deleted " + names[i]);
        }

        return true;
    }

    void Fetch()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            int code = SendCommand("RETR a");
            if (code == 226)
                return;
            SendCommand("TYPE I");
        }
    }

    void Delete(string uri)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            try
            {
                using (request.GetResponse())
                    return;
            }
            catch (WebException ex) when (ex.Response is FtpWebResponse response && response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailable && ex.Message.Contains("busy"))
            {
                Thread.Sleep(1000);
            }
        }
    }
""");
        await VerifyCS.VerifyAsync(source);
    }

    [Fact]
    public async Task Loops_that_go_on_after_success_repeat_work_and_retry_nothing()
    {
        // A keep-alive daemon, a loop draining a queue, a loop reading lines: none ends when an attempt succeeds.
        var source = Snippets.Usings + """
class Housekeeping
{
    private bool enabled = true;
    private readonly System.Collections.Concurrent.ConcurrentQueue<FtpClient> idle = new();

    void KeepAlive(FtpClient client, CancellationToken token)
    {
        while (enabled)
        {
            if (token.IsCancellationRequested)
                break;

            try
            {
                client.Execute("NOOP");
            }
            catch (FtpCommandException)
            {
                Console.WriteLine("keep-alive failed");
            }

            Thread.Sleep(30000);
        }
    }

    void DrainIdle()
    {
        while (idle.TryDequeue(out var client))
        {
            try
            {
                client.Disconnect();
            }
            catch (FtpCommandException)
            {
            }
        }
    }

    void ReadListing(StreamReader reader)
    {
        string line = reader.ReadLine();
        while (line != null)
        {
            Console.WriteLine(line);
            line = reader.ReadLine();
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    [Theory]
    // Retry on 4xx only.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            var reply = client.Execute("RETR a");
            if (reply.Code.StartsWith("4"))
                continue;
            break;
        }
    }
""")]
    // 5xx leads out of the loop.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            var reply = client.Execute("RETR a");
            if (reply.Code == "550")
                throw new FileNotFoundException();
            if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                continue;
            break;
        }
    }
""")]
    // A catch filter on 4xx.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            try
            {
                client.DownloadFile("a", "/a");
                return;
            }
            catch (FtpCommandException e) when (e.ResponseType == FtpResponseType.TransientNegativeCompletion)
            {
                Thread.Sleep(100);
            }
        }
    }
""")]
    // The request changes before the retry: PROT P after 521, log in again after 530.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            var reply = client.Execute("RETR a");
            if (reply.Code == "521")
            {
                client.Execute("PROT P");
                continue;
            }
            break;
        }
    }
""")]
    // A catch that rethrows.
    [InlineData("""
    void Run(FtpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            try
            {
                client.DownloadFile("a", "/a");
                return;
            }
            catch (FtpCommandException)
            {
                throw;
            }
        }
    }
""")]
    // A predicate that says no to 5xx.
    [InlineData("""
    bool ShouldRetry(FtpReply reply) => reply.Code.StartsWith("4");
""")]
    // Not a loop: a single fallback.
    [InlineData("""
    void Run(FtpClient client)
    {
        var reply = client.Execute("EPSV");
        if (reply.Code == "502")
            reply = client.Execute("PASV");
    }
""")]
    // A method that is no retry predicate.
    [InlineData("""
    bool IsPermanent(FtpReply reply) => reply.Code.StartsWith("5");
""")]
    // HTTP codes are not FTP replies.
    [InlineData("""
    void Run(HttpWebResponse http)
    {
        for (var i = 0; i < 3; i++)
        {
            if ((int)http.StatusCode >= 500)
                continue;
            break;
        }
    }
""")]
    public async Task Retries_of_4xx_and_changed_requests_are_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    [Fact]
    public async Task Catch_that_falls_through_in_a_loop_over_items_goes_on_to_the_next_item()
    {
        var source = Snippets.Usings + """
class Stamps
{
    public System.Collections.Generic.IEnumerable<DateTime> Stamp(Uri folder, string[] names)
    {
        for (int i = 0; i < names.Length; i++)
        {
            var stamp = DateTime.MinValue;
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(new Uri(folder, names[i]));
                request.Method = WebRequestMethods.Ftp.GetDateTimestamp;
                using (var response = (FtpWebResponse)request.GetResponse())
                    stamp = response.LastModified;
            }
            catch (WebException e)
            {
                Console.WriteLine(e.Message);
            }

            yield return stamp;
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    #endregion
}
