// Pods Argo v3.7.9's controller created on the test bed (namespace argo-oracle) for server/testing/fixtures/hello-world.yaml
// and failing-dag.yaml, taken with `kubectl get pod -o yaml`. Fields the API server or kubelet fill in (defaults, status,
// uid, nodeName, terminationMessagePath, imagePullPolicy) are left out; `completed` is shown as created ("false"),
// before Argo relabelled the finished pod.

export const oracleHelloWorldPod = {
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {
    "name": "hello-world-zb8df",
    "namespace": "argo-oracle",
    "labels": {
      "workflows.argoproj.io/completed": "false",
      "workflows.argoproj.io/workflow": "hello-world-zb8df"
    },
    "annotations": {
      "kubectl.kubernetes.io/default-container": "main",
      "workflows.argoproj.io/node-id": "hello-world-zb8df",
      "workflows.argoproj.io/node-name": "hello-world-zb8df"
    },
    "ownerReferences": [
      {
        "apiVersion": "argoproj.io/v1alpha1",
        "blockOwnerDeletion": true,
        "controller": true,
        "kind": "Workflow",
        "name": "hello-world-zb8df",
        "uid": "6ee77188-6a09-49ac-bacc-26b3e193e6d9"
      }
    ]
  },
  "spec": {
    "restartPolicy": "Never",
    "initContainers": [
      {
        "command": [
          "argoexec",
          "init",
          "--loglevel",
          "info",
          "--log-format",
          "text",
          "--gloglevel",
          "0"
        ],
        "env": [
          {
            "name": "ARGO_POD_NAME",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.name"
              }
            }
          },
          {
            "name": "ARGO_POD_UID",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.uid"
              }
            }
          },
          {
            "name": "ARGO_WORKFLOW_NAME",
            "value": "hello-world-zb8df"
          },
          {
            "name": "ARGO_WORKFLOW_UID",
            "value": "6ee77188-6a09-49ac-bacc-26b3e193e6d9"
          },
          {
            "name": "ARGO_CONTAINER_NAME",
            "value": "init"
          },
          {
            "name": "ARGO_TEMPLATE",
            "value": "{\"name\":\"main\",\"inputs\":{},\"outputs\":{},\"metadata\":{},\"container\":{\"name\":\"\",\"image\":\"busybox\",\"command\":[\"echo\",\"hello\"],\"resources\":{}}}"
          },
          {
            "name": "ARGO_NODE_ID",
            "value": "hello-world-zb8df"
          },
          {
            "name": "ARGO_INCLUDE_SCRIPT_OUTPUT",
            "value": "false"
          },
          {
            "name": "ARGO_DEADLINE",
            "value": "0001-01-01T00:00:00Z"
          },
          {
            "name": "ARGO_PROGRESS_FILE",
            "value": "/var/run/argo/progress"
          },
          {
            "name": "ARGO_PROGRESS_PATCH_TICK_DURATION",
            "value": "1m0s"
          },
          {
            "name": "ARGO_PROGRESS_FILE_TICK_DURATION",
            "value": "3s"
          }
        ],
        "image": "quay.io/argoproj/argoexec:v3.7.9",
        "name": "init",
        "resources": {},
        "volumeMounts": [
          {
            "mountPath": "/var/run/argo",
            "name": "var-run-argo"
          }
        ]
      }
    ],
    "containers": [
      {
        "command": [
          "argoexec",
          "wait",
          "--loglevel",
          "info",
          "--log-format",
          "text",
          "--gloglevel",
          "0"
        ],
        "env": [
          {
            "name": "ARGO_POD_NAME",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.name"
              }
            }
          },
          {
            "name": "ARGO_POD_UID",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.uid"
              }
            }
          },
          {
            "name": "ARGO_WORKFLOW_NAME",
            "value": "hello-world-zb8df"
          },
          {
            "name": "ARGO_WORKFLOW_UID",
            "value": "6ee77188-6a09-49ac-bacc-26b3e193e6d9"
          },
          {
            "name": "ARGO_CONTAINER_NAME",
            "value": "wait"
          },
          {
            "name": "ARGO_NODE_ID",
            "value": "hello-world-zb8df"
          },
          {
            "name": "ARGO_INCLUDE_SCRIPT_OUTPUT",
            "value": "false"
          },
          {
            "name": "ARGO_DEADLINE",
            "value": "0001-01-01T00:00:00Z"
          },
          {
            "name": "ARGO_PROGRESS_FILE",
            "value": "/var/run/argo/progress"
          },
          {
            "name": "ARGO_PROGRESS_PATCH_TICK_DURATION",
            "value": "1m0s"
          },
          {
            "name": "ARGO_PROGRESS_FILE_TICK_DURATION",
            "value": "3s"
          }
        ],
        "image": "quay.io/argoproj/argoexec:v3.7.9",
        "name": "wait",
        "resources": {},
        "volumeMounts": [
          {
            "mountPath": "/tmp",
            "name": "tmp-dir-argo",
            "subPath": "0"
          },
          {
            "mountPath": "/var/run/argo",
            "name": "var-run-argo"
          }
        ]
      },
      {
        "command": [
          "/var/run/argo/argoexec",
          "emissary",
          "--loglevel",
          "info",
          "--log-format",
          "text",
          "--gloglevel",
          "0",
          "--",
          "echo",
          "hello"
        ],
        "env": [
          {
            "name": "ARGO_CONTAINER_NAME",
            "value": "main"
          },
          {
            "name": "ARGO_NODE_ID",
            "value": "hello-world-zb8df"
          },
          {
            "name": "ARGO_INCLUDE_SCRIPT_OUTPUT",
            "value": "false"
          },
          {
            "name": "ARGO_DEADLINE",
            "value": "0001-01-01T00:00:00Z"
          },
          {
            "name": "ARGO_PROGRESS_FILE",
            "value": "/var/run/argo/progress"
          },
          {
            "name": "ARGO_PROGRESS_PATCH_TICK_DURATION",
            "value": "1m0s"
          },
          {
            "name": "ARGO_PROGRESS_FILE_TICK_DURATION",
            "value": "3s"
          }
        ],
        "image": "busybox",
        "name": "main",
        "resources": {},
        "volumeMounts": [
          {
            "mountPath": "/var/run/argo",
            "name": "var-run-argo"
          }
        ]
      }
    ],
    "volumes": [
      {
        "emptyDir": {},
        "name": "var-run-argo"
      },
      {
        "emptyDir": {},
        "name": "tmp-dir-argo"
      }
    ]
  }
};

export const oracleFailingDagBadPod = {
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {
    "name": "failing-dag-kf8q8-bad-2875380033",
    "namespace": "argo-oracle",
    "labels": {
      "workflows.argoproj.io/completed": "false",
      "workflows.argoproj.io/workflow": "failing-dag-kf8q8"
    },
    "annotations": {
      "kubectl.kubernetes.io/default-container": "main",
      "kwok.capstan.test/exit-code": "3",
      "workflows.argoproj.io/node-id": "failing-dag-kf8q8-2875380033",
      "workflows.argoproj.io/node-name": "failing-dag-kf8q8.b"
    },
    "ownerReferences": [
      {
        "apiVersion": "argoproj.io/v1alpha1",
        "blockOwnerDeletion": true,
        "controller": true,
        "kind": "Workflow",
        "name": "failing-dag-kf8q8",
        "uid": "9343c08d-31f1-413d-81a6-2f648e42f6c6"
      }
    ]
  },
  "spec": {
    "restartPolicy": "Never",
    "initContainers": [
      {
        "command": [
          "argoexec",
          "init",
          "--loglevel",
          "info",
          "--log-format",
          "text",
          "--gloglevel",
          "0"
        ],
        "env": [
          {
            "name": "ARGO_POD_NAME",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.name"
              }
            }
          },
          {
            "name": "ARGO_POD_UID",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.uid"
              }
            }
          },
          {
            "name": "ARGO_WORKFLOW_NAME",
            "value": "failing-dag-kf8q8"
          },
          {
            "name": "ARGO_WORKFLOW_UID",
            "value": "9343c08d-31f1-413d-81a6-2f648e42f6c6"
          },
          {
            "name": "ARGO_CONTAINER_NAME",
            "value": "init"
          },
          {
            "name": "ARGO_TEMPLATE",
            "value": "{\"name\":\"bad\",\"inputs\":{},\"outputs\":{},\"metadata\":{\"annotations\":{\"kwok.capstan.test/exit-code\":\"3\"}},\"container\":{\"name\":\"\",\"image\":\"busybox\",\"command\":[\"sh\",\"-c\",\"exit 3\"],\"resources\":{}}}"
          },
          {
            "name": "ARGO_NODE_ID",
            "value": "failing-dag-kf8q8-2875380033"
          },
          {
            "name": "ARGO_INCLUDE_SCRIPT_OUTPUT",
            "value": "false"
          },
          {
            "name": "ARGO_DEADLINE",
            "value": "0001-01-01T00:00:00Z"
          },
          {
            "name": "ARGO_PROGRESS_FILE",
            "value": "/var/run/argo/progress"
          },
          {
            "name": "ARGO_PROGRESS_PATCH_TICK_DURATION",
            "value": "1m0s"
          },
          {
            "name": "ARGO_PROGRESS_FILE_TICK_DURATION",
            "value": "3s"
          }
        ],
        "image": "quay.io/argoproj/argoexec:v3.7.9",
        "name": "init",
        "resources": {},
        "volumeMounts": [
          {
            "mountPath": "/var/run/argo",
            "name": "var-run-argo"
          }
        ]
      }
    ],
    "containers": [
      {
        "command": [
          "argoexec",
          "wait",
          "--loglevel",
          "info",
          "--log-format",
          "text",
          "--gloglevel",
          "0"
        ],
        "env": [
          {
            "name": "ARGO_POD_NAME",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.name"
              }
            }
          },
          {
            "name": "ARGO_POD_UID",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.uid"
              }
            }
          },
          {
            "name": "ARGO_WORKFLOW_NAME",
            "value": "failing-dag-kf8q8"
          },
          {
            "name": "ARGO_WORKFLOW_UID",
            "value": "9343c08d-31f1-413d-81a6-2f648e42f6c6"
          },
          {
            "name": "ARGO_CONTAINER_NAME",
            "value": "wait"
          },
          {
            "name": "ARGO_NODE_ID",
            "value": "failing-dag-kf8q8-2875380033"
          },
          {
            "name": "ARGO_INCLUDE_SCRIPT_OUTPUT",
            "value": "false"
          },
          {
            "name": "ARGO_DEADLINE",
            "value": "0001-01-01T00:00:00Z"
          },
          {
            "name": "ARGO_PROGRESS_FILE",
            "value": "/var/run/argo/progress"
          },
          {
            "name": "ARGO_PROGRESS_PATCH_TICK_DURATION",
            "value": "1m0s"
          },
          {
            "name": "ARGO_PROGRESS_FILE_TICK_DURATION",
            "value": "3s"
          }
        ],
        "image": "quay.io/argoproj/argoexec:v3.7.9",
        "name": "wait",
        "resources": {},
        "volumeMounts": [
          {
            "mountPath": "/tmp",
            "name": "tmp-dir-argo",
            "subPath": "0"
          },
          {
            "mountPath": "/var/run/argo",
            "name": "var-run-argo"
          }
        ]
      },
      {
        "command": [
          "/var/run/argo/argoexec",
          "emissary",
          "--loglevel",
          "info",
          "--log-format",
          "text",
          "--gloglevel",
          "0",
          "--",
          "sh",
          "-c",
          "exit 3"
        ],
        "env": [
          {
            "name": "ARGO_CONTAINER_NAME",
            "value": "main"
          },
          {
            "name": "ARGO_NODE_ID",
            "value": "failing-dag-kf8q8-2875380033"
          },
          {
            "name": "ARGO_INCLUDE_SCRIPT_OUTPUT",
            "value": "false"
          },
          {
            "name": "ARGO_DEADLINE",
            "value": "0001-01-01T00:00:00Z"
          },
          {
            "name": "ARGO_PROGRESS_FILE",
            "value": "/var/run/argo/progress"
          },
          {
            "name": "ARGO_PROGRESS_PATCH_TICK_DURATION",
            "value": "1m0s"
          },
          {
            "name": "ARGO_PROGRESS_FILE_TICK_DURATION",
            "value": "3s"
          }
        ],
        "image": "busybox",
        "name": "main",
        "resources": {},
        "volumeMounts": [
          {
            "mountPath": "/var/run/argo",
            "name": "var-run-argo"
          }
        ]
      }
    ],
    "volumes": [
      {
        "emptyDir": {},
        "name": "var-run-argo"
      },
      {
        "emptyDir": {},
        "name": "tmp-dir-argo"
      }
    ]
  }
};

// The pod Argo v3.7.9's controller created on the test bed for the `consume` step of
// server/testing/fixtures/input-artifacts.yaml, when that step also had an output artifact `out` (written by
// `cat /tmp/args.txt > /tmp/out`), its repository ConfigMap pointing at the bed's MinIO: ARGO_TEMPLATE as
// init received it, the volumes (without the API server's secret defaultMode) and each container's mounts.
export const oracleInputArtifactsPod = {
  "podName": "input-artifacts-c52j6-consume-930308364",
  "template": "{\"name\":\"consume\",\"inputs\":{\"artifacts\":[{\"name\":\"from-step-args\",\"path\":\"/tmp/args.txt\",\"raw\":{\"data\":\"from the step's arguments\\n\"}},{\"name\":\"tool\",\"path\":\"/usr/local/bin/tool/\",\"mode\":493,\"http\":{\"url\":\"http://127.0.0.1:1/tool\"}},{\"name\":\"inside-volume\",\"path\":\"/work/in/file.txt\",\"raw\":{\"data\":\"into the user's volume\\n\"}},{\"name\":\"key-only\",\"path\":\"/tmp/key-only\",\"s3\":{\"key\":\"shared/input.tgz\"}},{\"name\":\"not-given\",\"path\":\"/tmp/not-given\",\"optional\":true}]},\"outputs\":{\"artifacts\":[{\"name\":\"out\",\"path\":\"/tmp/out\"}]},\"metadata\":{},\"container\":{\"name\":\"\",\"image\":\"busybox\",\"command\":[\"sh\",\"-c\",\"cat /tmp/args.txt \\u003e /tmp/out\"],\"resources\":{},\"volumeMounts\":[{\"name\":\"work\",\"mountPath\":\"/work\"}]},\"sidecars\":[{\"name\":\"watcher\",\"image\":\"busybox\",\"command\":[\"sh\",\"-c\",\"sleep 1\"],\"resources\":{},\"mirrorVolumeMounts\":true}],\"archiveLocation\":{\"archiveLogs\":false,\"s3\":{\"endpoint\":\"127.0.0.1:9010\",\"bucket\":\"oracle-bucket\",\"insecure\":true,\"accessKeySecret\":{\"name\":\"minio-creds\",\"key\":\"accesskey\"},\"secretKeySecret\":{\"name\":\"minio-creds\",\"key\":\"secretkey\"},\"key\":\"input-artifacts-c52j6/input-artifacts-c52j6-consume-930308364\"}}}",
  "volumes": [
    {
      "emptyDir": {},
      "name": "var-run-argo"
    },
    {
      "emptyDir": {},
      "name": "tmp-dir-argo"
    },
    {
      "emptyDir": {},
      "name": "work"
    },
    {
      "name": "minio-creds",
      "secret": {
        "items": [
          {
            "key": "accesskey",
            "path": "accesskey"
          },
          {
            "key": "secretkey",
            "path": "secretkey"
          }
        ],
        "secretName": "minio-creds"
      }
    },
    {
      "emptyDir": {},
      "name": "input-artifacts"
    }
  ],
  "volumeMounts": {
    "init": [
      {
        "mountPath": "/argo/secret/minio-creds",
        "name": "minio-creds",
        "readOnly": true
      },
      {
        "mountPath": "/argo/inputs/artifacts",
        "name": "input-artifacts"
      },
      {
        "mountPath": "/mainctrfs/work",
        "name": "work"
      },
      {
        "mountPath": "/var/run/argo",
        "name": "var-run-argo"
      }
    ],
    "wait": [
      {
        "mountPath": "/argo/secret/minio-creds",
        "name": "minio-creds",
        "readOnly": true
      },
      {
        "mountPath": "/mainctrfs/work",
        "name": "work"
      },
      {
        "mountPath": "/mainctrfs/tmp/args.txt",
        "name": "input-artifacts",
        "subPath": "from-step-args"
      },
      {
        "mountPath": "/mainctrfs/usr/local/bin/tool",
        "name": "input-artifacts",
        "subPath": "tool"
      },
      {
        "mountPath": "/mainctrfs/tmp/key-only",
        "name": "input-artifacts",
        "subPath": "key-only"
      },
      {
        "mountPath": "/tmp",
        "name": "tmp-dir-argo",
        "subPath": "0"
      },
      {
        "mountPath": "/var/run/argo",
        "name": "var-run-argo"
      }
    ],
    "main": [
      {
        "mountPath": "/work",
        "name": "work"
      },
      {
        "mountPath": "/tmp/args.txt",
        "name": "input-artifacts",
        "subPath": "from-step-args"
      },
      {
        "mountPath": "/usr/local/bin/tool",
        "name": "input-artifacts",
        "subPath": "tool"
      },
      {
        "mountPath": "/tmp/key-only",
        "name": "input-artifacts",
        "subPath": "key-only"
      },
      {
        "mountPath": "/var/run/argo",
        "name": "var-run-argo"
      }
    ],
    "watcher": [
      {
        "mountPath": "/work",
        "name": "work"
      },
      {
        "mountPath": "/tmp/args.txt",
        "name": "input-artifacts",
        "subPath": "from-step-args"
      },
      {
        "mountPath": "/usr/local/bin/tool",
        "name": "input-artifacts",
        "subPath": "tool"
      },
      {
        "mountPath": "/tmp/key-only",
        "name": "input-artifacts",
        "subPath": "key-only"
      },
      {
        "mountPath": "/var/run/argo",
        "name": "var-run-argo"
      }
    ]
  }
};
