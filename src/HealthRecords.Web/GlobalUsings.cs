// Namespaces used by most files of this project, imported once here (duplicated using blocks were the largest
// share of the duplicates report).
global using Microsoft.EntityFrameworkCore;
global using HealthRecords.Web.Data;
global using HealthRecords.Web.Data.Entities;
global using HealthRecords.Web.Features.Auth;
global using HealthRecords.Web.Features.Common;
global using HealthRecords.Web.Kernel;
global using HealthRecords.Domain.Records;
global using HealthRecords.Domain.Codes;
global using HealthRecords.Domain.Validation;
global using System.Globalization;
