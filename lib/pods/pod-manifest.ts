import type {
  Affinity, Container, HostAlias, LocalObjectReference, ObjectMeta, PodDNSConfig, PodResourceClaim, PodSecurityContext,
  ResourceRequirements, Toleration, Volume,
} from '../generated/argo';

/**
 * The part of a core/v1 PodSpec that Argo's controller sets. Generated Argo types have no PodSpec, and lib/ must not
 * import @kubernetes/client-node, so this is the subset Capstan writes; a podSpecPatch may add any other field.
 */
export interface PodSpecManifest {
  restartPolicy?: string;
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  activeDeadlineSeconds?: number;
  imagePullSecrets?: LocalObjectReference[];
  hostNetwork?: boolean;
  dnsPolicy?: string;
  dnsConfig?: PodDNSConfig;
  initContainers?: Container[];
  containers: Container[];
  volumes?: Volume[];
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  schedulerName?: string;
  priorityClassName?: string;
  hostAliases?: HostAlias[];
  securityContext?: PodSecurityContext;
  resources?: ResourceRequirements;
  resourceClaims?: PodResourceClaim[];
  [key: string]: unknown;
}

/** A core/v1 Pod as Capstan creates it. */
export interface PodManifest {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: ObjectMeta & { name: string; namespace: string };
  spec: PodSpecManifest;
}
