using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using PropertyCrm.Schema;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Schema;

/// <summary>
/// The MaxLength constants code cuts and refuses text with (Schema/Tables/*.MaxLengths) are the columns' MaxLength in
/// Solution/Entities/*/Entity.xml, so a column shortened in the maker portal cannot leave code writing too much.
/// </summary>
public sealed class ColumnMaxLengthTests
{
    public static IEnumerable<object[]> MaxLengthConstants() =>
        typeof(Publisher).Assembly.GetTypes()
            .Where(t => t.Namespace == "PropertyCrm.Schema.Tables" && t.GetNestedType("MaxLengths") is not null)
            .SelectMany(t => t.GetNestedType("MaxLengths")!.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => new object[] { t.Name, f.Name }));

    [Theory]
    [MemberData(nameof(MaxLengthConstants))]
    public void MaxLengthConstant_EqualsTheColumnsMaxLengthInEntityXml(string tableClass, string constant)
    {
        var type = typeof(Publisher).Assembly.GetTypes().Single(t => t.Namespace == "PropertyCrm.Schema.Tables" && t.Name == tableClass);
        var table = (string)type.GetField("LogicalName")!.GetRawConstantValue()!;
        var column = (string?)type.GetNestedType("Columns")!.GetField(constant)?.GetRawConstantValue();
        Assert.True(column is not null, $"{tableClass}.MaxLengths.{constant} names no {tableClass}.Columns constant.");
        var declared = (int)type.GetNestedType("MaxLengths")!.GetField(constant)!.GetRawConstantValue()!;

        var attribute = Directory.GetFiles(Path.Combine(RepoPaths.Solution, "Entities"), "Entity.xml", SearchOption.AllDirectories)
            .Select(f => XDocument.Load(f).Root!.Element("EntityInfo")!.Element("entity")!)
            .Single(e => string.Equals((string?)e.Attribute("Name"), table, StringComparison.OrdinalIgnoreCase))
            .Elements("attributes").Elements("attribute")
            .SingleOrDefault(a => a.Element("LogicalName")?.Value == column);

        Assert.True(attribute is not null, $"{table}.{column} is not in Entity.xml.");
        Assert.Equal(attribute!.Element("MaxLength")?.Value, declared.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MaxLengthConstants_Exist()
    {
        Assert.NotEmpty(MaxLengthConstants());
    }
}
