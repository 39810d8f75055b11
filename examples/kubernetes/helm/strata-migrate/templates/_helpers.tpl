{{/* The release label runs record: .Values.release, else the chart's appVersion. */}}
{{- define "strata-migrate.release" -}}
{{- .Values.release | default .Chart.AppVersion -}}
{{- end -}}

{{/* The pod of a hook Job running strata with the given args: (dict "root" $ "name" "migrate" "args" .Values.migrate.args) */}}
{{- define "strata-migrate.pod" -}}
restartPolicy: Never
terminationGracePeriodSeconds: 30
containers:
  - name: {{ .name }}
    image: "{{ .root.Values.image.repository }}:{{ .root.Values.image.tag }}"
    imagePullPolicy: {{ .root.Values.image.pullPolicy }}
    args:
      {{- toYaml .args | nindent 6 }}
    env:
      - name: STRATA_URL
        value: {{ .root.Values.database.url | quote }}
      - name: STRATA_USER
        value: {{ .root.Values.database.user | quote }}
      - name: STRATA_PASSWORD_FILE
        value: /secrets/db/{{ .root.Values.database.passwordSecret.key }}
      - name: STRATA_SOURCES
        value: filesystem:/migrations
      - name: STRATA_RELEASE
        value: {{ include "strata-migrate.release" .root | quote }}
      {{- range $name, $value := .root.Values.env }}
      - name: {{ $name }}
        value: {{ $value | quote }}
      {{- end }}
    resources:
      {{- toYaml .root.Values.resources | nindent 6 }}
    volumeMounts:
      - name: migrations
        mountPath: /migrations
        readOnly: true
      - name: db-secret
        mountPath: /secrets/db
        readOnly: true
volumes:
  - name: migrations
    configMap:
      name: {{ .root.Values.migrations.configMap }}
  - name: db-secret
    secret:
      secretName: {{ .root.Values.database.passwordSecret.name }}
{{- end -}}
