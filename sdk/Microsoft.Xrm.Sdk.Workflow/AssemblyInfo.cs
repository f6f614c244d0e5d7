using System;
using System.Runtime.InteropServices;

// As the genuine Microsoft.Xrm.Sdk.Workflow 9.0.0.0.
[assembly: CLSCompliant(true)]
[assembly: ComVisible(false)]
