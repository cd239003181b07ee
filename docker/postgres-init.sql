-- One database per service, as the local platform creates them.
CREATE DATABASE detector;
CREATE DATABASE remediation;
CREATE DATABASE notification;
CREATE DATABASE reporting;
