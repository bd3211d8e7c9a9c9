using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>Every rule has an id of its own, a doc page behind its help link, a README row, and a well-formed fixer.</summary>
public class RuleMetadataTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).ToArray();

    private static readonly Type[] FixerTypes = typeof(TransientReplyGivenUpCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)).ToArray();

    public static IEnumerable<object[]> Ids => Descriptors.Select(d => new object[] { d.Id });

    [Fact]
    public void Ids_are_unique_and_numbered()
    {
        Assert.Equal(Descriptors.Length, Descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(Descriptors, d => Assert.Matches("^FTPR[0-9]{4}$", d.Id));
        Assert.Equal(9, Descriptors.Length);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_doc_page_whose_title_is_the_descriptors(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        Assert.Equal(RuleDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var page = RepositoryPaths.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        // The header (title, category, severity, fix) is written by tools/FtpReplyAnalyzers.DocGen between its markers.
        var title = File.ReadLines(page).First(line => line.StartsWith("# ", StringComparison.Ordinal));
        Assert.Equal($"# {id}: {descriptor.Title}", title);
        var text = File.ReadAllText(page);
        foreach (var section in new[] { "## What it finds", "## Why it is wrong", "## Example", "## The code fix", "## Options", "## Suppress" })
        {
            Assert.Contains(section, text);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_is_in_the_readme_table_with_its_title_and_severity(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        Assert.Contains($"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} |", readme);
    }

    [Fact]
    public void Readme_table_has_no_rule_the_analyzers_lack()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var listed = Regex.Matches(readme, @"^\| \[(FTPR[0-9]{4})\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(Descriptors.Select(d => d.Id).ToHashSet(), listed);
    }

    [Fact]
    public void Option_keys_are_documented_on_their_rule_page()
    {
        var keys = new[] { "dotnet_diagnostic.FTPR0001.max_retries", "dotnet_diagnostic.FTPR0001.first_delay_ms" };
        foreach (var key in keys)
        {
            var id = key.Split('.')[1];
            Assert.Contains(key, File.ReadAllText(RepositoryPaths.Combine("docs", "rules", id + ".md")));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Options_every_rule_reads_are_documented_on_each_page(string id)
    {
        var page = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", id + ".md"));
        Assert.Contains("ftp_reply_analyzers.retry_helpers", page);
        Assert.Contains("ftp_reply_analyzers.reply_code_members", page);
        Assert.Contains("ftp_reply_analyzers.excluded_symbols", page);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page);
    }

    [Fact]
    public void Release_tracking_lists_every_rule_once()
    {
        var shipped = File.ReadAllText(RepositoryPaths.Combine("src", "FtpReplyAnalyzers.Analyzers", "AnalyzerReleases.Shipped.md"));
        var unshipped = File.ReadAllText(RepositoryPaths.Combine("src", "FtpReplyAnalyzers.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains("## Release 0.1.0", shipped);
        Assert.All(Descriptors, d => Assert.True(
            shipped.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} |") ^ unshipped.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} |"),
            d.Id + " must be in exactly one of AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{DiagnosticIds.InvalidOption} | Configuration | Warning |", unshipped);
    }

    [Fact]
    public void Every_fixer_is_exported_and_has_a_fix_all_provider()
    {
        Assert.NotEmpty(FixerTypes);
        foreach (var type in FixerTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Contains(LanguageNames.CSharp, export.Languages);
            // No [Shared]: it would tie the assembly to a System.Composition newer than Roslyn 4.8's (RoslynFloorTests).
            Assert.DoesNotContain(type.GetCustomAttributesData(), a => a.AttributeType.Namespace == "System.Composition");
            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotNull(fixer.GetFixAllProvider());
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(Descriptors, d => d.Id == id));
        }

        // Each rule with a fix has exactly one fixer; FTPR0004 and FTPR0007 have none by choice (their pages say why).
        var fixedIds = FixerTypes.SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds).ToList();
        Assert.Equal(fixedIds.Count, fixedIds.Distinct().Count());
        Assert.Equal(new[] { "FTPR0001", "FTPR0002", "FTPR0003", "FTPR0005", "FTPR0006", "FTPR0008" }, fixedIds.OrderBy(i => i, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void One_analyzer_serves_every_rule_and_each_rule_is_a_class_of_its_own()
    {
        var analyzer = Assert.Single(AnalyzerRunner.AllAnalyzers);
        Assert.IsType<FtpReplyAnalyzer>(analyzer);
        Assert.True(analyzer.GetType().IsSealed);

        var rules = FtpReplyAnalyzer.Rules;
        Assert.Equal(analyzer.SupportedDiagnostics.Select(d => d.Id), rules.Select(r => r.Descriptor.Id).Append(DiagnosticIds.InvalidOption));
        Assert.Equal(rules.Length, rules.Select(r => r.GetType()).Distinct().Count());
        Assert.All(rules, r => Assert.Equal("FtpReplyAnalyzers.Rules", r.GetType().Namespace));
    }
}
