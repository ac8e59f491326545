/**
 * The site's main navigation and the home page's entry points, each one list. An entry point
 * without `href` is shown as 即将开通 (coming soon) with no link, so a service that is not
 * built yet can be announced; today every entry point has its page.
 */

export type NavItem = { href: string; label: string };

/** The two services, first in the navigation and never folded into the menu on a phone. */
export const SERVICE_NAV: readonly NavItem[] = [
  { href: "/enrol/", label: "入学申请" },
  { href: "/complain/", label: "投诉" },
];

/** The transparency sections, folded into the 更多栏目 menu on narrow screens. */
export const SECTION_NAV: readonly NavItem[] = [
  { href: "/policy/", label: "政策原文" },
  { href: "/departments/", label: "部门职责" },
  { href: "/commitments/", label: "承诺落实" },
  { href: "/schools/", label: "学校评估" },
  { href: "/balance/", label: "区域均衡" },
  { href: "/data/", label: "开放数据" },
  { href: "/search/", label: "搜索" },
];

export const MAIN_NAV: readonly NavItem[] = [...SERVICE_NAV, ...SECTION_NAV];

export type EntryPoint = { title: string; description: string; href?: string };

/** The home page's first block: the two services (their status lines come from src/lib/service-status.ts). */
export const SERVICE_ENTRY_POINTS = {
  enrol: { href: "/enrol/", title: "随迁子女入学申请", description: "持居住证的流动人口子女在线申请公办学校学位" },
  complain: { href: "/complain/", title: "投诉举报", description: "反映学校违规收费、违规办学等行为，可以匿名" },
} as const satisfies Record<string, EntryPoint>;

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { href: "/policy/", title: "政策原文", description: "《义务教育均衡发展改进意见》全文、逐条编号和通俗解读" },
  { href: "/departments/", title: "部门职责", description: "每个部门在政策中的职责，以及它承诺做的事" },
  { href: "/commitments/", title: "承诺落实", description: "每项承诺的目标、期限、进展和证据，逾期的会注明" },
  { href: "/schools/", title: "学校评估", description: "每所学校的办学条件是否达到国家标准" },
  { href: "/balance/", title: "区域均衡", description: "全区校际差异系数和城乡差距" },
  { href: "/data/", title: "开放数据", description: "下载本站公开数据的原始文件" },
  SERVICE_ENTRY_POINTS.enrol,
  SERVICE_ENTRY_POINTS.complain,
  { href: "/track/", title: "办理进度查询", description: "用受理编号查询申请或投诉的办理进度" },
];

/** The nav item a path belongs to, so the header can mark it with aria-current. */
export function currentNavItem(pathname: string): NavItem | undefined {
  return MAIN_NAV.find((item) => pathname === item.href || pathname.startsWith(item.href) || `${pathname}/` === item.href);
}
