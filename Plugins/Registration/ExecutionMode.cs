namespace PropertyCrm.Plugins.Registration;

/// <summary>Step execution mode, with the values Dataverse stores in sdkmessageprocessingstep.mode.</summary>
public enum ExecutionMode
{
    Synchronous = 0,
    Asynchronous = 1,
}
