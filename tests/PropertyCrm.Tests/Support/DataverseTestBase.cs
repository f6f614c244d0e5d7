using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// The one test base for pipeline tests: an in-memory Dataverse with every deployed step and Custom API
/// (<see cref="FakeDataverse.WithPluginCatalog"/>) and a <see cref="DataProducer"/> that seeds its rows with their
/// required columns filled. An area's test bed derives from it and adds only that area's acts and reads.
/// </summary>
internal abstract class DataverseTestBase
{
    protected DataverseTestBase()
    {
        Dataverse = new FakeDataverse().WithPluginCatalog();
        Data = new DataProducer(Dataverse);
    }

    public FakeDataverse Dataverse { get; }

    /// <summary>Seeds rows (no pipeline) with required defaults; a test sets only the columns its case is about.</summary>
    public DataProducer Data { get; }

    /// <summary>The admin's organization service: acting through it runs the pipeline.</summary>
    public IOrganizationService Service => Dataverse.Service;
}
