using System;
using System.IO;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Tests.Infrastructure;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>docs/catalog.md is the catalog, rendered: the test fails when the page is out of date.</summary>
public class CatalogPageTests
{
    [Fact]
    public void CatalogPage_is_up_to_date()
    {
        var path = RepositoryPaths.Combine("docs", "catalog.md");
        var expected = CatalogMarkdown.Render();
        if (Environment.GetEnvironmentVariable("FTPR_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/catalog.md is missing: dotnet run --project tools/FtpReplyAnalyzers.DocGen");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void CatalogPage_has_every_code_and_the_rules_side_by_side()
    {
        var page = CatalogMarkdown.Render();
        foreach (var info in ReplyCatalog.Codes)
        {
            Assert.Contains("| " + info.Text + " | ", page);
        }

        Assert.Contains("| 4xx | Transient Negative Completion | temporary", page);
        Assert.Contains("| 212 | 2xx Positive Completion | directory status | STAT on a directory | treat it as success |", page);
        Assert.Contains("| 426 | 4xx Transient Negative Completion | connection closed; transfer aborted |", page);
    }
}
