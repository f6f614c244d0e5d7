using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>Columns only code writes are read-only on every form of their table (main and quick create, both twins).</summary>
public sealed class SystemColumnFormTests
{
    public static TheoryData<string, string[]> CodeMaintained => new()
    {
        { ContactTable.LogicalName, ContactTable.SystemMaintainedColumns.Concat(ConsentStamps).ToArray() },
        { FeeBillTable.LogicalName, FeeBillTable.SystemMaintainedColumns },
        { FeePaymentTable.LogicalName, FeePaymentTable.SystemMaintainedColumns },
        { RedemptionTable.LogicalName, RedemptionTable.SystemMaintainedColumns },
    };

    /// <summary>Tables whose rows only code creates: every field but the record owner is read-only.</summary>
    public static TheoryData<string> CodeWritten => new() { PointsEntryTable.LogicalName, TierHistoryTable.LogicalName };

    private static readonly string[] ConsentStamps =
    {
        ContactTable.Columns.MarketingConsentOn,
        ContactTable.Columns.MarketingConsentWithdrawnOn,
        ContactTable.Columns.SensitiveDataConsentOn,
        ContactTable.Columns.SensitiveDataConsentWithdrawnOn,
    };

    [Theory]
    [MemberData(nameof(CodeMaintained))]
    public void Forms_CodeMaintainedColumns_AreReadOnly(string table, string[] columns)
    {
        var controls = Controls(table).Where(c => columns.Contains(c.Field)).ToList();

        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.True(c.Disabled, $"{c.File}: {c.Field} is editable"));
    }

    [Theory]
    [MemberData(nameof(CodeWritten))]
    public void Forms_TablesOnlyCodeCreates_AreReadOnlyExceptOwner(string table)
    {
        var controls = Controls(table).Where(c => c.Field != "ownerid").ToList();

        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.True(c.Disabled, $"{c.File}: {c.Field} is editable"));
    }

    private static IEnumerable<FormControl> Controls(string table)
    {
        var folder = Directory.GetDirectories(Path.Combine(RepoPaths.Solution, "Entities"))
            .Single(d => string.Equals(Path.GetFileName(d), table, System.StringComparison.OrdinalIgnoreCase));
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "FormXml"), "*.xml", SearchOption.AllDirectories))
        {
            foreach (var control in XDocument.Load(file).Descendants("control"))
            {
                var field = (string?)control.Attribute("datafieldname");
                if (field is not null)
                {
                    yield return new FormControl(Path.GetFileName(file), field, (string?)control.Attribute("disabled") == "true");
                }
            }
        }
    }

    private sealed record FormControl(string File, string Field, bool Disabled);
}
