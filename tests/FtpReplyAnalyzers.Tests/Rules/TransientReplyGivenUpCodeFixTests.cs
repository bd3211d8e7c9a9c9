using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Rules;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<FtpReplyAnalyzers.Rules.TransientReplyGivenUp, FtpReplyAnalyzers.CodeFixes.Rules.TransientReplyGivenUpCodeFixProvider>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class TransientReplyGivenUpCodeFixTests
{
    #region Fixes

    [Fact]
    public async Task Outside_a_loop_the_operation_is_wrapped_in_a_bounded_retry_loop()
    {
        var source = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Transfers
{
    void Download(FtpClient client)
    {
        // Fetch the nightly export.
        var reply = client.Execute("RETR export.csv");
        if (reply.Code == "426")
        {
            // The server dropped the data connection.
            {|FTPR0001:throw new IOException("Transfer aborted");|}
        }

        Console.WriteLine(reply.Message);
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Transfers
{
    void Download(FtpClient client)
    {
        // Fetch the nightly export.
        for (var attempt = 0; ; attempt++)
        {
            var reply = client.Execute("RETR export.csv");
            if (reply.Code == "426")
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                // The server dropped the data connection.
                throw new IOException("Transfer aborted");
            }

            Console.WriteLine(reply.Message);
            break;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Inside_a_loop_over_items_each_item_gets_its_own_retry_loop()
    {
        var source = """
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FluentFTP;

class Transfers
{
    async Task<bool> SyncAsync(AsyncFtpClient client, string[] files, CancellationToken token)
    {
        var i = 0;
        while (i < files.Length)
        {
            var reply = await client.Execute("STOR " + files[i], token);
            if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                {|FTPR0001:return false;|}
            i++;
        }

        return true;
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FluentFTP;

class Transfers
{
    async Task<bool> SyncAsync(AsyncFtpClient client, string[] files, CancellationToken token)
    {
        var i = 0;
        while (i < files.Length)
        {
            for (var attempt = 0; ; attempt++)
            {
                var reply = await client.Execute("STOR " + files[i], token);
                if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                {
                    if (attempt < 3)
                    {
                        // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                        await Task.Delay(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)), token);
                        continue;
                    }

                    return false;
                }

                break;
            }

            i++;
        }

        return true;
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Catch_of_WebException_is_split_so_only_4xx_retries()
    {
        var source = """
using System;
using System.IO;
using System.Net;

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

            return true;
        }
        catch (WebException)
        {
            {|FTPR0001:return false;|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

class Uploader
{
    bool Upload(Uri uri, byte[] data)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = WebRequestMethods.Ftp.UploadFile;
                using (var stream = request.GetRequestStream())
                {
                    stream.Write(data, 0, data.Length);
                }

                return true;
            }
            catch (WebException ex)
            {
                if (ex.Response is FtpWebResponse { StatusCode: >= (FtpStatusCode)400 and < (FtpStatusCode)500 } && attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                return false;
            }
            catch (IOException reset) when (reset.InnerException is SocketException && attempt < 3)
            {
                // The data connection was reset during the transfer (an IOException, not a 426 reply): wait, then try again.
                Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                continue;
            }
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Log_line_before_the_give_up_is_written_once_when_the_code_gives_up()
    {
        var source = """
using System;
using System.IO;
using System.Net;

class Downloader
{
    bool TryDownload(Uri remote, string localPath)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(remote);
            using var response = (FtpWebResponse)request.GetResponse();
            using var file = File.Create(localPath);
            response.GetResponseStream().CopyTo(file);
            return true;
        }
        catch (WebException ex)
        {
            // A dropped data connection (426) ends up here too.
            Console.Error.WriteLine($"Download failed: {ex.Message}");
            {|FTPR0001:return false;|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

class Downloader
{
    bool TryDownload(Uri remote, string localPath)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(remote);
                using var response = (FtpWebResponse)request.GetResponse();
                using var file = File.Create(localPath);
                response.GetResponseStream().CopyTo(file);
                return true;
            }
            catch (WebException ex)
            {
                if (ex.Response is FtpWebResponse { StatusCode: >= (FtpStatusCode)400 and < (FtpStatusCode)500 } && attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                // A dropped data connection (426) ends up here too.
                Console.Error.WriteLine($"Download failed: {ex.Message}");
                return false;
            }
            catch (IOException reset) when (reset.InnerException is SocketException && attempt < 3)
            {
                // The data connection was reset during the transfer (an IOException, not a 426 reply): wait, then try again.
                Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                continue;
            }
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Lumped_threshold_keeps_failing_for_5xx()
    {
        var source = """
using System;
using System.Threading.Tasks;
using FluentFTP;

class Transfers
{
    async Task RunAsync(AsyncFtpClient client)
    {
        var reply = await client.Execute("RETR big.iso");
        if (!reply.Success)
            {|FTPR0001:throw new InvalidOperationException("Download refused");|}
        Console.WriteLine("done");
    }
}
""";
        var fixedSource = """
using System;
using System.Threading.Tasks;
using FluentFTP;

class Transfers
{
    async Task RunAsync(AsyncFtpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = await client.Execute("RETR big.iso");
            if (!reply.Success)
            {
                if (reply.Type == FtpResponseType.TransientNegativeCompletion && attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    await Task.Delay(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new InvalidOperationException("Download refused");
            }

            break;
        }

        Console.WriteLine("done");
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Switch_expression_arm_gets_no_fix()
    {
        var source = """
using System.Net;

class Transfers
{
    bool Succeeded(FtpStatusCode status) => status switch
    {
        FtpStatusCode.ClosingData => true,
        FtpStatusCode.CantOpenData => {|FTPR0001:false|},
        _ => throw new System.InvalidOperationException(status.ToString()),
    };
}
""";
        await VerifyCS.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Reply_passed_in_as_a_parameter_gets_no_wrap_fix()
    {
        var source = """
using System.IO;
using FluentFTP;

class Transfers
{
    void Check(FtpReply reply)
    {
        if (reply.Code == "426")
            {|FTPR0001:throw new IOException("aborted");|}
    }
}
""";
        await VerifyCS.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task FixAll_gives_one_retry_loop_per_operation_in_an_item_loop_and_in_a_method()
    {
        var source = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Transfers
{
    void Mirror(FtpClient client, string[] files)
    {
        foreach (var _ in files)
        {
        }

        var n = 0;
        do
        {
            var reply = client.Execute("RETR " + files[n]);
            if (reply.Code == "425")
                {|FTPR0001:throw new IOException("no data connection");|}
            if (reply.Code == "426")
                {|FTPR0001:throw new IOException("aborted");|}
            n++;
        }
        while (n < files.Length);
    }

    void Single(FtpClient client)
    {
        var reply = client.Execute("STOR old.txt");
        if (reply.Code == "450")
            {|FTPR0001:throw new IOException("busy");|}
        if (reply.Code == "452")
            {|FTPR0001:throw new IOException("no space");|}
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Transfers
{
    void Mirror(FtpClient client, string[] files)
    {
        foreach (var _ in files)
        {
        }

        var n = 0;
        do
        {
            for (var attempt = 0; ; attempt++)
            {
                var reply = client.Execute("RETR " + files[n]);
                if (reply.Code == "425")
                {
                    if (attempt < 3)
                    {
                        // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                        Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                        continue;
                    }

                    throw new IOException("no data connection");
                }

                if (reply.Code == "426")
                {
                    if (attempt < 3)
                    {
                        // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                        Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                        continue;
                    }

                    throw new IOException("aborted");
                }

                break;
            }
            n++;
        }
        while (n < files.Length);
    }

    void Single(FtpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = client.Execute("STOR old.txt");
            if (reply.Code == "450")
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new IOException("busy");
            }

            if (reply.Code == "452")
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new IOException("no space");
            }

            break;
        }
    }
}
""";
        var test = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<TransientReplyGivenUp, TransientReplyGivenUpCodeFixProvider>.CreateTest(source, fixedSource);
        test.NumberOfIncrementalIterations = 4;
        test.NumberOfFixAllIterations = 1;
        test.CodeActionValidationMode = Microsoft.CodeAnalysis.Testing.CodeActionValidationMode.None;
        await test.RunAsync();
    }

    [Fact]
    public async Task Give_up_that_ends_the_block_is_wrapped_with_its_guard()
    {
        var source = """
using System;

class FtpCleaner
{
    int SendCommand(string command) => 0;

    bool RemoveDirectory(string path)
    {
        var code = SendCommand("RMD " + path);
        if (code / 100 == 2)
            return true;
        {|FTPR0001:return false;|}
    }
}
""";
        var fixedSource = """
using System;
using System.Threading;

class FtpCleaner
{
    int SendCommand(string command) => 0;

    bool RemoveDirectory(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = SendCommand("RMD " + path);
            if (code / 100 == 2)
                return true;
            if (code / 100 == 4 && attempt < 3)
            {
                // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                continue;
            }

            return false;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Request_created_before_the_try_is_created_again_by_each_attempt_and_the_cause_is_kept()
    {
        var source = """
using System;
using System.IO;
using System.Net;

class Downloader
{
    byte[] Download(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        try
        {
            using var response = (FtpWebResponse)request.GetResponse();
            using var buffer = new MemoryStream();
            response.GetResponseStream().CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
        {
            {|FTPR0001:throw new InvalidOperationException("download failed");|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

class Downloader
{
    byte[] Download(Uri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DownloadFile;
            try
            {
                using var response = (FtpWebResponse)request.GetResponse();
                using var buffer = new MemoryStream();
                response.GetResponseStream().CopyTo(buffer);
                return buffer.ToArray();
            }
            catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new InvalidOperationException("download failed", e);
            }
            catch (IOException reset) when (reset.InnerException is SocketException && attempt < 3)
            {
                // The data connection was reset during the transfer (an IOException, not a 426 reply): wait, then try again.
                Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                continue;
            }
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Caller_stream_is_set_back_before_each_new_attempt_and_the_delay_waits_on_the_token()
    {
        var source = """
using System;
using System.IO;
using System.Net;
using System.Threading;

class Downloader
{
    bool Download(Uri uri, Stream destination, CancellationToken token)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            using var response = (FtpWebResponse)request.GetResponse();
            response.GetResponseStream().CopyTo(destination);
            return true;
        }
        catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
        {
            {|FTPR0001:return false;|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

class Downloader
{
    bool Download(Uri uri, Stream destination, CancellationToken token)
    {
        var destinationStart = destination.CanSeek ? destination.Position : 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                using var response = (FtpWebResponse)request.GetResponse();
                response.GetResponseStream().CopyTo(destination);
                return true;
            }
            catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
            {
                if (attempt < 3 && destination.CanSeek)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    destination.Position = destinationStart;
                    destination.SetLength(destinationStart);
                    token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    token.ThrowIfCancellationRequested();
                    continue;
                }

                return false;
            }
            catch (IOException reset) when (reset.InnerException is SocketException && attempt < 3 && destination.CanSeek)
            {
                // The data connection was reset during the transfer (an IOException, not a 426 reply): wait, then try again.
                destination.Position = destinationStart;
                destination.SetLength(destinationStart);
                token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                token.ThrowIfCancellationRequested();
                continue;
            }
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Call_of_a_throw_helper_is_retried_like_the_throw_it_is()
    {
        var source = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Cleanup
{
    static void Fail(string message) => throw new IOException(message);

    void Delete(FtpClient client)
    {
        var reply = client.Execute("DELE old.csv");
        if (reply.Code == "450")
            {|FTPR0001:Fail("File busy");|}

        Console.WriteLine(reply.Message);
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Cleanup
{
    static void Fail(string message) => throw new IOException(message);

    void Delete(FtpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = client.Execute("DELE old.csv");
            if (reply.Code == "450")
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                Fail("File busy");
            }

            Console.WriteLine(reply.Message);
            break;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Hand_written_transfer_whose_data_connection_was_opened_before_gets_no_fix()
    {
        // A retry of RETR alone, without a new PASV and data connection, would wait for data that never comes.
        var source = """
using System.IO;

class FtpReply
{
    public int Code { get; set; }
}

class RawClient
{
    FtpReply SendCommand(string command) => new FtpReply();

    bool Retrieve(string path)
    {
        SendCommand("PASV");
        var reply = SendCommand("RETR " + path);
        if (reply.Code == 450)
        {
            {|FTPR0001:return false;|}
        }

        return true;
    }
}
""";
        await VerifyCS.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Reply_tested_through_a_helper_property_gets_no_fix()
    {
        var source = """
using System.IO;

class FtpLink
{
    class Reply
    {
        public int StatusCode { get; set; }
        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
    }

    Reply Command(string text) => new Reply();

    bool Delete(string name)
    {
        var r = Command("DELE " + name);
        if (!r.IsSuccess)
            {|FTPR0001:return false;|}
        return true;
    }
}
""";
        await VerifyCS.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Rule_page_example_is_what_the_fix_writes()
    {
        // docs/rules/FTPR0001.md, "The code fix": the request moves into the loop, the caller's stream is set back, the
        // delay waits on the token, the cause is kept, and a reset data connection is retried.
        var source = """
using System;
using System.IO;
using System.Net;
using System.Threading;

class Downloads
{
    void Download(Uri uri, Stream destination, CancellationToken token)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        try
        {
            using var response = (FtpWebResponse)request.GetResponse();
            response.GetResponseStream().CopyTo(destination);
        }
        catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
        {
            {|FTPR0001:throw new IOException("download failed");|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

class Downloads
{
    void Download(Uri uri, Stream destination, CancellationToken token)
    {
        var destinationStart = destination.CanSeek ? destination.Position : 0;
        for (var attempt = 0; ; attempt++)
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DownloadFile;
            try
            {
                using var response = (FtpWebResponse)request.GetResponse();
                response.GetResponseStream().CopyTo(destination);
            }
            catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
            {
                if (attempt < 3 && destination.CanSeek)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    destination.Position = destinationStart;
                    destination.SetLength(destinationStart);
                    token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    token.ThrowIfCancellationRequested();
                    continue;
                }

                throw new IOException("download failed", e);
            }
            catch (IOException reset) when (reset.InnerException is SocketException && attempt < 3 && destination.CanSeek)
            {
                // The data connection was reset during the transfer (an IOException, not a 426 reply): wait, then try again.
                destination.Position = destinationStart;
                destination.SetLength(destinationStart);
                token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                token.ThrowIfCancellationRequested();
                continue;
            }

            break;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Catch_without_a_name_gets_one_so_the_cause_is_kept_after_the_last_attempt()
    {
        var source = """
using System;
using System.IO;
using System.Net;

class Cleaner
{
    void Delete(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            using var response = (FtpWebResponse)request.GetResponse();
        }
        catch (WebException)
        {
            {|FTPR0001:throw new IOException("delete failed");|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Net;
using System.Threading;

class Cleaner
{
    void Delete(Uri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = WebRequestMethods.Ftp.DeleteFile;
                using var response = (FtpWebResponse)request.GetResponse();
            }
            catch (WebException ex)
            {
                if (ex.Response is FtpWebResponse { StatusCode: >= (FtpStatusCode)400 and < (FtpStatusCode)500 } && attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new IOException("delete failed", ex);
            }

            break;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Cause_goes_to_the_constructor_that_takes_the_same_parameters_and_the_cause()
    {
        // TransferFailedException(path) has a (path, innerException) constructor: the cause is passed to it.
        var source = """
using System;
using System.Net;

class TransferFailedException : Exception
{
    public TransferFailedException(string path) : base("transfer of " + path + " failed") { }
    public TransferFailedException(string path, Exception innerException) : base("transfer of " + path + " failed", innerException) { }
}

class Cleaner
{
    void Delete(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            using var response = (FtpWebResponse)request.GetResponse();
        }
        catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
        {
            {|FTPR0001:throw new TransferFailedException(uri.AbsolutePath);|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.Net;
using System.Threading;

class TransferFailedException : Exception
{
    public TransferFailedException(string path) : base("transfer of " + path + " failed") { }
    public TransferFailedException(string path, Exception innerException) : base("transfer of " + path + " failed", innerException) { }
}

class Cleaner
{
    void Delete(Uri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = WebRequestMethods.Ftp.DeleteFile;
                using var response = (FtpWebResponse)request.GetResponse();
            }
            catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new TransferFailedException(uri.AbsolutePath, e);
            }

            break;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Type_that_cannot_take_the_cause_is_thrown_as_written_after_the_last_attempt()
    {
        // Its (message, innerException) constructor would make the path the message: the throw stays as it was (no
        // throw; either: callers catch TransferFailedException, not WebException).
        var source = """
using System;
using System.Net;

class TransferFailedException : Exception
{
    public TransferFailedException(string path) : base("transfer of " + path + " failed") { }
    public TransferFailedException(string message, Exception innerException) : base(message, innerException) { }
}

class Cleaner
{
    bool Delete(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            using var response = (FtpWebResponse)request.GetResponse();
            return true;
        }
        catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
        {
            {|FTPR0001:throw new TransferFailedException(uri.AbsolutePath);|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.Net;
using System.Threading;

class TransferFailedException : Exception
{
    public TransferFailedException(string path) : base("transfer of " + path + " failed") { }
    public TransferFailedException(string message, Exception innerException) : base(message, innerException) { }
}

class Cleaner
{
    bool Delete(Uri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = WebRequestMethods.Ftp.DeleteFile;
                using var response = (FtpWebResponse)request.GetResponse();
                return true;
            }
            catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new TransferFailedException(uri.AbsolutePath);
            }
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    [Fact]
    public async Task Transfer_whose_try_already_catches_IOException_gets_no_second_catch_of_the_reset()
    {
        // A catch of IOException before the reply's catch takes the reset already: a catch after it would never run.
        var source = """
using System;
using System.IO;
using System.Net;

class Downloader
{
    byte[] Download(Uri uri)
    {
        try
        {
            var request = (FtpWebRequest)WebRequest.Create(uri);
            using var response = (FtpWebResponse)request.GetResponse();
            using var buffer = new MemoryStream();
            response.GetResponseStream().CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (IOException)
        {
            return null;
        }
        catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
        {
            {|FTPR0001:return null;|}
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Net;
using System.Threading;

class Downloader
{
    byte[] Download(Uri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                using var response = (FtpWebResponse)request.GetResponse();
                using var buffer = new MemoryStream();
                response.GetResponseStream().CopyTo(buffer);
                return buffer.ToArray();
            }
            catch (IOException)
            {
                return null;
            }
            catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                return null;
            }
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryKey);
    }

    #endregion
}
