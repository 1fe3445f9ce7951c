// i18n-exempt-file: Calltouch's own answers as the emulated server gives them (always Russian, verbatim), not ctdial's words
/**
 * What the emulator answers, shaped as docs/calltouch-api.md shows the real server's answers. The Russian texts are
 * invented in the style of the real server (it answers in Russian); only "Invalid credentials" is
 * confirmed verbatim.
 */

export const API_ERROR_TEXT: Readonly<Record<number, string>> = {
  1: "Ошибка синтаксиса JSON или пустой запрос",
  10001: "Недостаточно минут для обратного звонка",
  10002: "Услуга обратного звонка не подключена",
  10003: "Не найден включённый виджет с указанным routeKey",
  10004: "Сессия с указанным sessionId не найдена",
  10005: "Превышено количество заявок в рамках одной сессии",
  10006: "Превышено количество заявок на этот номер телефона",
  10007: "Минимальный интервал между заявками для этого номера или сессии ещё не прошёл",
  10013: "Некорректный номер телефона",
};

/** Validation texts in the style of a Symfony validator's Russian translation. */
export const VIOLATION_TEXT = {
  required: "Значение не должно быть пустым.",
  string: "Значение должно быть типа string.",
  integer: "Значение должно быть целым числом.",
  array: "Значение должно быть типа array.",
  object: "Значение должно быть объектом с полями name и value.",
  scheduleTime: "Значение должно быть датой в формате yyyy-mm-dd hh:mm:ss или dd-mm-yyyy hh:mm:ss.",
  tooLong: (max: number) => `Значение слишком длинное. Должно быть равно ${max} символам или меньше.`,
  tooMany: (max: number) => `Эта коллекция должна содержать ${max} элементов или меньше.`,
} as const;

export interface SandboxAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
  readonly contentType: string;
}

const JSON_TYPE = "application/json; charset=utf-8";

function json(status: number, value: unknown, headers?: Record<string, string>): SandboxAnswer {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE, ...(headers ? { headers } : {}) };
}

export function acceptedAnswer(requestId: number): SandboxAnswer {
  return json(200, { data: { widgetRequestId: requestId } });
}

export function apiErrorAnswer(code: number): SandboxAnswer {
  return json(400, {
    data: { apiErrorData: { errorCode: code, errorMessage: API_ERROR_TEXT[code] ?? "Ошибка" } },
  });
}

export interface Violation {
  readonly propertyPath: string;
  readonly message: string;
}

export function violationsAnswer(violations: readonly Violation[]): SandboxAnswer {
  return json(400, { data: { validationErrorData: { violations } } });
}

export function invalidCredentialsAnswer(): SandboxAnswer {
  return json(403, { message: "Invalid credentials" });
}

export function tooManyRequestsAnswer(limit: number, retryAfterSeconds: number): SandboxAnswer {
  return json(
    429,
    { message: `Превышен лимит запросов: не более ${limit} запросов в секунду с одного IP-адреса` },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export function notFoundAnswer(): SandboxAnswer {
  return json(404, { message: "Not Found" });
}

export function methodNotAllowedAnswer(): SandboxAnswer {
  return json(405, { message: "Method Not Allowed" }, { Allow: "POST" });
}

export function payloadTooLargeAnswer(): SandboxAnswer {
  return json(413, { message: "Payload Too Large" });
}

export function internalErrorAnswer(): SandboxAnswer {
  return json(500, { message: "Внутренняя ошибка сервера" });
}

/** What nginx in front of an application says when the application is down. */
export function proxyPageAnswer(): SandboxAnswer {
  return {
    status: 502,
    contentType: "text/html",
    body:
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
      "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  };
}
