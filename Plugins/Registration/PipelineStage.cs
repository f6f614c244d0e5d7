namespace PropertyCrm.Plugins.Registration;

/// <summary>Event pipeline stage, with the values Dataverse stores in sdkmessageprocessingstep.stage.</summary>
public enum PipelineStage
{
    PreValidation = 10,
    PreOperation = 20,
    PostOperation = 40,
}
