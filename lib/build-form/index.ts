// The "Build with parameters" form as pure functions: fields from a template's parameters, pre-filling from a
// previous build or the URL, validation, and the submit request.
export { type FieldKind, type ParameterField, toParameterField, toParameterFields } from './parameter-fields';
export { type BuildFormValues, type PrefillSources, diffParameters, prefillValues, toShareQuery } from './form-values';
export { type BuildFormErrors, parseLabels, validateBuildForm } from './validate-build';
export { type SubmitRequest, toSubmitRequest } from './submit-request';
export { type SubmittableSource, submittableSpec } from './submittable-spec';
