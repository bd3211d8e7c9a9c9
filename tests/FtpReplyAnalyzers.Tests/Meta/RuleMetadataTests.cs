using System;
using System.Collections.Generic;
using System.Composition;
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
        Assert.Equal(8, Descriptors.Length);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_doc_page_whose_title_is_the_descriptors(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        Assert.Equal(RuleDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var page = RepositoryPaths.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        var firstLine = File.ReadLines(page).First();
        Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
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
    public void Release_tracking_lists_every_rule()
    {
        var unshipped = File.ReadAllText(RepositoryPaths.Combine("src", "FtpReplyAnalyzers.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.All(Descriptors, d => Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} |", unshipped));
    }

    [Fact]
    public void Every_fixer_is_exported_shared_and_has_a_fix_all_provider()
    {
        Assert.NotEmpty(FixerTypes);
        foreach (var type in FixerTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Contains(LanguageNames.CSharp, export.Languages);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
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
    public void Every_analyzer_is_sealed_and_named_in_the_rules_namespace()
    {
        // That they skip generated code and run concurrently is proven by behaviour in GeneratedCodeAndConcurrencyTests.
        Assert.All(AnalyzerRunner.AllAnalyzers, a =>
        {
            Assert.True(a.GetType().IsSealed);
            Assert.Equal("FtpReplyAnalyzers.Rules", a.GetType().Namespace);
            Assert.EndsWith("Analyzer", a.GetType().Name);
        });
    }
}
