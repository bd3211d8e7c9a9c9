using System;
using System.IO;
using System.Net;

namespace FtpClientSample;

/// <summary>Downloads and uploads reports with FtpWebRequest, the way a lot of line-of-business code does.</summary>
public sealed class ReportDownloader
{
    private readonly NetworkCredential _credentials;

    public ReportDownloader(NetworkCredential credentials) => _credentials = credentials;

    public bool TryDownload(Uri remote, string localPath)
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
        catch (WebException ex)
        {
            // A dropped data connection (426) ends up here too, and is never retried.
            Console.Error.WriteLine($"Download failed: {ex.Message}");
            return false;
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

        // Servers may end a STOR with 250 instead of 226: both are successes.
        if (response.StatusCode != FtpStatusCode.ClosingData)
        {
            throw new IOException("Upload did not complete: " + response.StatusDescription);
        }
    }

    public bool Delete(Uri remote)
    {
        var request = (FtpWebRequest)WebRequest.Create(remote);
        request.Method = WebRequestMethods.Ftp.DeleteFile;
        request.Credentials = _credentials;
        try
        {
            using var response = (FtpWebResponse)request.GetResponse();
            return response.StatusCode == FtpStatusCode.FileActionOK;
        }
        catch (WebException ex) when (ex.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailableOrBusy })
        {
            // 450: the file is busy (FtpWebRequest throws every negative reply from GetResponse).
            return false;
        }
    }
}
