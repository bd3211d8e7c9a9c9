namespace FtpReplyAnalyzers.EndToEnd.Shapes;

/// <summary>
/// FTP client code in the shapes users write, each with an FTPR0001 (or FTPR0003) mistake, and an <c>Entry.Run</c> that
/// calls it: <c>Run(host, port, folder, files, output, token)</c>.
/// </summary>
internal static class ShapeSources
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    /// <summary>Issue shape 1: the request is created before the try, in the style of Microsoft's samples.</summary>
    public const string RequestBeforeTry = Usings + """
        public static class Downloader
        {
            public static byte[] Download(Uri uri)
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = WebRequestMethods.Ftp.DownloadFile;
                request.UseBinary = true;
                try
                {
                    using var response = (FtpWebResponse)request.GetResponse();
                    using var stream = response.GetResponseStream();
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    return buffer.ToArray();
                }
                catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
                {
                    throw new InvalidOperationException("download failed");
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Downloader.Download(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"));
        }
        """;

    /// <summary>Issue shapes 2 and 4: a for loop over files, each written to a file opened before the transfer.</summary>
    public const string ForLoopOverFiles = Usings + """
        public static class Mirror
        {
            public static bool DownloadAll(string baseUri, string[] files, string targetDirectory)
            {
                for (var i = 0; i < files.Length; i++)
                {
                    using var target = File.Create(Path.Combine(targetDirectory, files[i]));
                    try
                    {
                        var request = (FtpWebRequest)WebRequest.Create(baseUri + files[i]);
                        request.Method = WebRequestMethods.Ftp.DownloadFile;
                        using var response = (FtpWebResponse)request.GetResponse();
                        response.GetResponseStream().CopyTo(target);
                    }
                    catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                var target = Path.Combine(Path.GetTempPath(), "ftpr-e2e-out", folder);
                Directory.CreateDirectory(target);
                return Mirror.DownloadAll($"ftp://{host}:{port}/{folder}/", files, target);
            }
        }
        """;

    /// <summary>Issue shape 3: a while loop over files; one retry budget would be shared by all of them.</summary>
    public const string WhileLoopOverFiles = Usings + """
        public static class Fetcher
        {
            public static bool FetchAll(string baseUri, string[] files, Dictionary<string, byte[]> results)
            {
                var i = 0;
                while (i < files.Length)
                {
                    try
                    {
                        var request = (FtpWebRequest)WebRequest.Create(baseUri + files[i]);
                        request.Method = WebRequestMethods.Ftp.DownloadFile;
                        using var response = (FtpWebResponse)request.GetResponse();
                        using var buffer = new MemoryStream();
                        response.GetResponseStream().CopyTo(buffer);
                        results[files[i]] = buffer.ToArray();
                    }
                    catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
                    {
                        return false;
                    }

                    i++;
                }

                return true;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                var results = new Dictionary<string, byte[]>();
                if (!Fetcher.FetchAll($"ftp://{host}:{port}/{folder}/", files, results))
                {
                    return false;
                }

                foreach (var file in files)
                {
                    output.Write(results[file]);
                }

                return true;
            }
        }
        """;

    /// <summary>Issue shape 4: a destination stream the caller owns.</summary>
    public const string CallerStream = Usings + """
        public static class Downloader
        {
            public static void Download(Uri uri, Stream destination)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DownloadFile;
                    using var response = (FtpWebResponse)request.GetResponse();
                    response.GetResponseStream().CopyTo(destination);
                }
                catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
                {
                    throw new IOException("download failed");
                }
            }
        }

        public static class Entry
        {
            /// <summary>
            /// With "disk-full" as the second file, the destination fails as a full disk does after 8 KB; with "pipe", it
            /// cannot seek (as a pipe or a network stream).
            /// </summary>
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                var option = files.Length > 1 ? files[1] : null;
                var destination = option == "disk-full" ? new FullDisk(output, 8192) : option == "pipe" ? new Pipe(output) : output;
                Downloader.Download(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"), destination);
                return true;
            }
        }

        public sealed class Pipe : Stream
        {
            private readonly Stream _inner;

            public Pipe(Stream inner) => _inner = inner;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() => _inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
        }

        public sealed class FullDisk : Stream
        {
            private readonly Stream _inner;
            private readonly long _capacity;

            public FullDisk(Stream inner, long capacity) => (_inner, _capacity) = (inner, capacity);

            public override bool CanRead => false;
            public override bool CanSeek => true;
            public override bool CanWrite => true;
            public override long Length => _inner.Length;
            public override long Position { get => _inner.Position; set => _inner.Position = value; }
            public override void Flush() => _inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
            public override void SetLength(long value) => _inner.SetLength(value);

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (_inner.Length + count > _capacity)
                {
                    throw new IOException("No space left on device");
                }

                _inner.Write(buffer, offset, count);
            }
        }
        """;

    /// <summary>
    /// A download whose catch of WebException names no exception and throws its own: the fix names it, retries the 4xx,
    /// passes the last one as the cause; a data connection reset during the transfer (IOException) is retried too.
    /// </summary>
    public const string UnnamedCatchThrows = Usings + """
        public static class Downloader
        {
            public static byte[] Download(Uri uri)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DownloadFile;
                    using var response = (FtpWebResponse)request.GetResponse();
                    using var buffer = new MemoryStream();
                    response.GetResponseStream().CopyTo(buffer);
                    return buffer.ToArray();
                }
                catch (WebException)
                {
                    throw new IOException("download failed");
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Downloader.Download(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"));
        }
        """;

    /// <summary>A delete that throws the project's own exception, whose type has no constructor that takes a cause.</summary>
    public const string OwnExceptionWithoutCause = Usings + """
        public sealed class TransferFailedException : Exception
        {
            public TransferFailedException(string path)
                : base("transfer of " + path + " failed")
            {
            }
        }

        public static class Cleaner
        {
            public static void Delete(Uri uri)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DeleteFile;
                    using var response = (FtpWebResponse)request.GetResponse();
                }
                catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
                {
                    throw new TransferFailedException(uri.AbsolutePath);
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                Cleaner.Delete(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"));
                return true;
            }
        }
        """;

    /// <summary>Issue shape 5: the status tested after GetResponse, which has already thrown for a 4xx.</summary>
    public const string StatusAfterGetResponse = Usings + """
        public static class Cleaner
        {
            public static bool Delete(Uri uri)
            {
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = WebRequestMethods.Ftp.DeleteFile;
                using var response = (FtpWebResponse)request.GetResponse();
                if (response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailableOrBusy)
                {
                    return false;
                }

                return true;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Cleaner.Delete(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"));
        }
        """;

    /// <summary>A hand-written client over a socket whose method performs the whole sequence: connection, PASV, RETR, final reply.</summary>
    public const string SocketClient = Usings + """
        public sealed class FtpReply
        {
            public int Code { get; set; }
            public string Text { get; set; } = "";
        }

        public static class RawFtp
        {
            public static bool Retrieve(string host, int port, string path, Stream output)
            {
                using var control = new TcpClient(host, port);
                var stream = control.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                ReadReply(reader);
                writer.WriteLine("USER anonymous");
                ReadReply(reader);
                writer.WriteLine("PASS guest");
                ReadReply(reader);
                writer.WriteLine("TYPE I");
                ReadReply(reader);
                writer.WriteLine("PASV");
                var passive = ReadReply(reader);
                var numbers = passive.Text.Substring(passive.Text.IndexOf('(') + 1).TrimEnd(')', '.').Split(',');
                using var data = new TcpClient(host, int.Parse(numbers[4]) * 256 + int.Parse(numbers[5]));
                writer.WriteLine("RETR " + path);
                var reply = ReadReply(reader);
                if (reply.Code == 450)
                {
                    return false;
                }

                if (reply.Code >= 500)
                {
                    throw new IOException(reply.Text);
                }

                data.GetStream().CopyTo(output);
                data.Close();
                var completion = ReadReply(reader);
                return completion.Code == 226;
            }

            private static FtpReply ReadReply(StreamReader reader)
            {
                var line = reader.ReadLine() ?? "421 connection closed";
                return new FtpReply { Code = int.Parse(line.Substring(0, 3)), Text = line.Substring(4) };
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => RawFtp.Retrieve(host, port, folder + "/" + files[0], output);
        }
        """;

    /// <summary>Issue shape 6: a hand-written client; the reply to RETR is read after PASV and the data connection were set up before.</summary>
    public const string SocketTransferAfterPasv = Usings + """
        public sealed class FtpReply
        {
            public int Code { get; set; }
            public string Text { get; set; } = "";
        }

        public sealed class ControlConnection : IDisposable
        {
            private readonly TcpClient _client;
            private readonly StreamReader _reader;
            private readonly StreamWriter _writer;

            public ControlConnection(string host, int port)
            {
                _client = new TcpClient(host, port);
                _reader = new StreamReader(_client.GetStream(), Encoding.ASCII);
                _writer = new StreamWriter(_client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                ReadReply();
                SendCommand("USER anonymous");
                SendCommand("PASS guest");
                SendCommand("TYPE I");
            }

            public FtpReply SendCommand(string command)
            {
                _writer.WriteLine(command);
                return ReadReply();
            }

            public FtpReply ReadReply()
            {
                var line = _reader.ReadLine() ?? "421 connection closed";
                return new FtpReply { Code = int.Parse(line.Substring(0, 3)), Text = line.Substring(4) };
            }

            public void Dispose() => _client.Dispose();
        }

        public static class Transfers
        {
            public static bool Retrieve(ControlConnection connection, string host, string path, Stream output)
            {
                var passive = connection.SendCommand("PASV").Text;
                var numbers = passive.Substring(passive.IndexOf('(') + 1).TrimEnd(')', '.').Split(',');
                using var data = new TcpClient(host, int.Parse(numbers[4]) * 256 + int.Parse(numbers[5]));
                var reply = connection.SendCommand("RETR " + path);
                if (reply.Code == 450)
                {
                    return false;
                }

                data.GetStream().CopyTo(output);
                data.Close();
                return connection.ReadReply().Code == 226;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                using var connection = new ControlConnection(host, port);
                return Transfers.Retrieve(connection, host, folder + "/" + files[0], output);
            }
        }
        """;

    /// <summary>Works: an upload whose request is created in the try; a bare catch of WebException (4xx and 5xx).</summary>
    public const string UploadCatchAll = Usings + """
        public static class Uploader
        {
            public static bool Upload(Uri uri, byte[] data)
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
                catch (WebException)
                {
                    return false;
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Uploader.Upload(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"), ((MemoryStream)output).ToArray());
        }
        """;

    /// <summary>Works: a delete that throws its own exception on 450.</summary>
    public const string DeleteThrows = Usings + """
        public static class Cleaner
        {
            public static void Delete(Uri uri)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DeleteFile;
                    using var response = (FtpWebResponse)request.GetResponse();
                }
                catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
                {
                    throw new IOException("the file is busy");
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                Cleaner.Delete(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"));
                return true;
            }
        }
        """;

    /// <summary>Works: the status read from the caught exception's response and tested in the catch.</summary>
    public const string StatusTestedInCatch = Usings + """
        public static class Downloader
        {
            public static byte[] Download(Uri uri)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DownloadFile;
                    using var response = (FtpWebResponse)request.GetResponse();
                    using var buffer = new MemoryStream();
                    response.GetResponseStream().CopyTo(buffer);
                    return buffer.ToArray();
                }
                catch (WebException e)
                {
                    var status = ((FtpWebResponse)e.Response).StatusCode;
                    if (status == FtpStatusCode.ActionAbortedLocalProcessingError)
                    {
                        return null;
                    }

                    throw;
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Downloader.Download(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}")) ?? (object)false;
        }
        """;

    /// <summary>Works: a hand-written client whose one call sends the command and reads its reply (DELE needs no data connection).</summary>
    public const string SocketCommand = Usings + """
        public sealed class FtpReply
        {
            public int Code { get; set; }
            public string Text { get; set; } = "";
        }

        public sealed class ControlConnection : IDisposable
        {
            private readonly TcpClient _client;
            private readonly StreamReader _reader;
            private readonly StreamWriter _writer;

            public ControlConnection(string host, int port)
            {
                _client = new TcpClient(host, port);
                _reader = new StreamReader(_client.GetStream(), Encoding.ASCII);
                _writer = new StreamWriter(_client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                ReadReply();
                SendCommand("USER anonymous");
                SendCommand("PASS guest");
            }

            public FtpReply SendCommand(string command)
            {
                _writer.WriteLine(command);
                return ReadReply();
            }

            private FtpReply ReadReply()
            {
                var line = _reader.ReadLine() ?? "421 connection closed";
                return new FtpReply { Code = int.Parse(line.Substring(0, 3)), Text = line.Substring(4) };
            }

            public void Dispose() => _client.Dispose();
        }

        public static class Remover
        {
            public static bool Remove(ControlConnection connection, string path)
            {
                var reply = connection.SendCommand("DELE " + path);
                if (reply.Code == 450)
                {
                    return false;
                }

                return reply.Code == 250;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                using var connection = new ControlConnection(host, port);
                return Remover.Remove(connection, folder + "/" + files[0]);
            }
        }
        """;

    /// <summary>Async with a token parameter.</summary>
    public const string AsyncWithToken = Usings + """
        public static class Downloader
        {
            public static async Task<byte[]> DownloadAsync(Uri uri, CancellationToken token)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DownloadFile;
                    using var response = (FtpWebResponse)await request.GetResponseAsync();
                    using var buffer = new MemoryStream();
                    await response.GetResponseStream().CopyToAsync(buffer, token);
                    return buffer.ToArray();
                }
                catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
                {
                    throw new IOException("download failed");
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Downloader.DownloadAsync(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"), token).GetAwaiter().GetResult();
        }
        """;

    /// <summary>Async without a token.</summary>
    public const string AsyncWithoutToken = Usings + """
        public static class Downloader
        {
            public static async Task<byte[]> DownloadAsync(Uri uri)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DownloadFile;
                    using var response = (FtpWebResponse)await request.GetResponseAsync();
                    using var buffer = new MemoryStream();
                    await response.GetResponseStream().CopyToAsync(buffer);
                    return buffer.ToArray();
                }
                catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ConnectionClosed })
                {
                    throw new IOException("download failed");
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Downloader.DownloadAsync(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}")).GetAwaiter().GetResult();
        }
        """;

    /// <summary>Synchronous code that has a token.</summary>
    public const string SyncWithToken = Usings + """
        public static class Downloader
        {
            public static byte[] Download(Uri uri, CancellationToken token)
            {
                try
                {
                    var request = (FtpWebRequest)WebRequest.Create(uri);
                    request.Method = WebRequestMethods.Ftp.DownloadFile;
                    using var response = (FtpWebResponse)request.GetResponse();
                    using var buffer = new MemoryStream();
                    response.GetResponseStream().CopyTo(buffer);
                    return buffer.ToArray();
                }
                catch (WebException e) when (e.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
                {
                    throw new IOException("download failed");
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Downloader.Download(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}"), token);
        }
        """;

    /// <summary>FTPR0003: a retry loop that retries every WebException, the 5xx too.</summary>
    public const string RetriesEverything = Usings + """
        public static class Downloader
        {
            public static byte[] Download(Uri uri)
            {
                for (var i = 0; i < 4; i++)
                {
                    try
                    {
                        var request = (FtpWebRequest)WebRequest.Create(uri);
                        request.Method = WebRequestMethods.Ftp.DownloadFile;
                        using var response = (FtpWebResponse)request.GetResponse();
                        using var buffer = new MemoryStream();
                        response.GetResponseStream().CopyTo(buffer);
                        return buffer.ToArray();
                    }
                    catch (WebException ex)
                    {
                        Console.WriteLine(ex.Message);
                        Thread.Sleep(20);
                    }
                }

                return null;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
                => Downloader.Download(new Uri($"ftp://{host}:{port}/{folder}/{files[0]}")) ?? (object)false;
        }
        """;

    private const string Connection = """
        public sealed class FtpReply
        {
            public int Code { get; set; }
            public string Text { get; set; } = "";
        }

        public sealed class ControlConnection : IDisposable
        {
            private readonly TcpClient _client;
            private readonly StreamReader _reader;
            private readonly StreamWriter _writer;

            public ControlConnection(string host, int port)
            {
                _client = new TcpClient(host, port);
                _reader = new StreamReader(_client.GetStream(), Encoding.ASCII);
                _writer = new StreamWriter(_client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                ReadReply();
                SendCommand("USER anonymous");
                SendCommand("PASS guest");
            }

            public FtpReply SendCommand(string command)
            {
                _writer.WriteLine(command);
                return ReadReply();
            }

            private FtpReply ReadReply()
            {
                var line = _reader.ReadLine() ?? "421 connection closed";
                return new FtpReply { Code = int.Parse(line.Substring(0, 3)), Text = line.Substring(4) };
            }

            public void Dispose() => _client.Dispose();
        }

        """;

    /// <summary>FTPR0002: DELE answered 250, and the code accepts only 200.</summary>
    public const string DeleteExpects200 = Usings + Connection + """
        public static class Remover
        {
            public static void Remove(ControlConnection connection, string path)
            {
                var reply = connection.SendCommand("DELE " + path);
                if (reply.Code != 200)
                {
                    throw new IOException("delete failed: " + reply.Text);
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                using var connection = new ControlConnection(host, port);
                Remover.Remove(connection, folder + "/" + files[0]);
                return true;
            }
        }
        """;

    /// <summary>FTPR0005: RNFR answered 350 (send RNTO next), and the code accepts only 250.</summary>
    public const string RenameExpects250 = Usings + Connection + """
        public static class Renamer
        {
            public static void Rename(ControlConnection connection, string from, string to)
            {
                var reply = connection.SendCommand("RNFR " + from);
                if (reply.Code != 250)
                {
                    throw new IOException("rename refused: " + reply.Text);
                }

                reply = connection.SendCommand("RNTO " + to);
                if (reply.Code != 250)
                {
                    throw new IOException("rename failed: " + reply.Text);
                }
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                using var connection = new ControlConnection(host, port);
                Renamer.Rename(connection, folder + "/" + files[0], folder + "/renamed.bin");
                return true;
            }
        }
        """;

    /// <summary>FTPR0003: a retry loop over a hand-written client whose test retries every negative reply, the 5xx too.</summary>
    public const string RetryTestTakesEveryNegative = Usings + Connection + """
        public static class Remover
        {
            public static bool Remove(ControlConnection connection, string path)
            {
                for (var attempt = 0; attempt < 4; attempt++)
                {
                    var reply = connection.SendCommand("DELE " + path);
                    if (reply.Code >= 400)
                    {
                        Thread.Sleep(20);
                        continue;
                    }

                    return true;
                }

                return false;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                using var connection = new ControlConnection(host, port);
                return Remover.Remove(connection, folder + "/" + files[0]);
            }
        }
        """;

    /// <summary>FTPR0003: the same retry test, and the reply tested again once the loop ends.</summary>
    public const string RetryTestThenReplyTestedAgain = Usings + Connection + """
        public static class Remover
        {
            public static bool Remove(ControlConnection connection, string path)
            {
                FtpReply reply = null;
                for (var attempt = 0; attempt < 4; attempt++)
                {
                    reply = connection.SendCommand("DELE " + path);
                    if (reply.Code >= 400)
                    {
                        Thread.Sleep(20);
                        continue;
                    }

                    break;
                }

                return reply.Code == 250;
            }
        }

        public static class Entry
        {
            public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)
            {
                using var connection = new ControlConnection(host, port);
                return Remover.Remove(connection, folder + "/" + files[0]);
            }
        }
        """;
}
