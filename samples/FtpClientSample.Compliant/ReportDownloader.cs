using System;
using System.IO;
using System.Net;
using System.Threading;

namespace FtpClientSample.Compliant;

/// <summary>The same FtpWebRequest code, following the reply categories: 4xx is retried, every 2xx is success.</summary>
public sealed class ReportDownloader
{
    private const int MaxRetries = 3;
    private readonly NetworkCredential _credentials;

    public ReportDownloader(NetworkCredential credentials) => _credentials = credentials;

    public bool TryDownload(Uri remote, string localPath)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var request = (FtpWebRequest)WebRequest.Create(remote);
                request.Method = WebRequestMethods.Ftp.DownloadFile;
                request.Credentials = _credentials;
                using var response = (FtpWebResponse)request.GetResponse();
                using var file = File.Create(localPath);
                response.GetResponseStream().CopyTo(file);
                return true;
            }
            catch (WebException ex) when (ex.Response is FtpWebResponse { StatusCode: >= (FtpStatusCode)400 and < (FtpStatusCode)500 } && attempt < MaxRetries)
            {
                // Transient reply (421, 425, 426, 450, 451, 452): wait, then try again.
                Thread.Sleep(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
            catch (WebException ex)
            {
                Console.Error.WriteLine($"Download failed: {ex.Message}");
                throw;
            }
        }
    }

    public void Download(Uri remote, string localPath)
    {
        var request = (FtpWebRequest)WebRequest.Create(remote);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        request.Credentials = _credentials;
        using var response = (FtpWebResponse)request.GetResponse();
        using var file = File.Create(localPath);
        response.GetResponseStream().CopyTo(file);
    }

    public void Upload(Uri remote, byte[] content)
    {
        var request = (FtpWebRequest)WebRequest.Create(remote);
        request.Method = WebRequestMethods.Ftp.UploadFile;
        request.Credentials = _credentials;
        using (var stream = request.GetRequestStream())
        {
            stream.Write(content, 0, content.Length);
        }

        using var response = (FtpWebResponse)request.GetResponse();
        if ((int)response.StatusCode / 100 != 2)
        {
            throw new IOException("Upload did not complete: " + response.StatusDescription);
        }
    }

    public bool Delete(Uri remote)
    {
        for (var attempt = 0; ; attempt++)
        {
            // A new request per attempt: a request that got its reply gives the same reply again.
            var request = (FtpWebRequest)WebRequest.Create(remote);
            request.Method = WebRequestMethods.Ftp.DeleteFile;
            request.Credentials = _credentials;
            try
            {
                using var response = (FtpWebResponse)request.GetResponse();
                return (int)response.StatusCode / 100 == 2;
            }
            catch (WebException ex) when (ex.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy } && attempt < MaxRetries)
            {
                // 450: the file is busy (FtpWebRequest throws every negative reply from GetResponse).
                Thread.Sleep(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
        }
    }
}
